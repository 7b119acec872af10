import Identifiers
import Normalization
import Testing

/// Name equivalences and non-equivalences from the domain notes (names.md §1–§5), copied here so the package
/// stands alone.
struct NameKeyTests {
    struct Equivalence: Sendable, CustomTestStringConvertible {
        let spellings: [String]
        let note: String
        var testDescription: String { spellings.joined(separator: " ≈ ") }
    }

    static let equivalences: [Equivalence] = [
        // The example: Kazakh letters, their Russian-keyboard fallbacks, passport Latin, 2021 Latin.
        .init(spellings: ["Әлия Нұрланқызы", "Алия Нурланкызы", "Aliya Nurlankyzy", "ALIYA NURLANKYZY", "Älia Nūrlanqyzy"], note: "issue 5"),
        // §2a: Kazakh letters typed on a Russian layout.
        .init(spellings: ["Әлихан", "Алихан", "Alikhan"], note: "Ә→А"),
        .init(spellings: ["Нұрсұлтан", "Нурсултан", "Nursultan"], note: "Ұ→У"),
        .init(spellings: ["Серік", "Серик", "Serik", "Серiк"], note: "І→И, Latin i"),
        .init(spellings: ["Қайрат", "Кайрат", "Qairat", "Kairat"], note: "Қ→К"),
        .init(spellings: ["Ғалым", "Галым", "Galym", "Ğalym"], note: "Ғ→Г"),
        .init(spellings: ["Талғат", "Талгат", "Talgat"], note: "Ғ→Г"),
        .init(spellings: ["Мұхтар", "Мухтар", "Mukhtar", "Muhtar"], note: "KH→H"),
        .init(spellings: ["Темірлан", "Темирлан", "Temirlan"], note: "І→И"),
        .init(spellings: ["Айгерім", "Айгерим", "Aigerim", "Aygerim"], note: "Й, AY/AI"),
        .init(spellings: ["Дәурен", "Даурен", "Dauren"], note: "Ә→А"),
        .init(spellings: ["Жұлдыз", "Жулдыз", "Zhuldyz", "Juldyz"], note: "ZH/J, Ы→Y"),
        .init(spellings: ["Ақерке", "Акерке", "Akerke", "Aqerke"], note: "Қ→К"),
        .init(spellings: ["Төлеуов", "Толеуов", "Toleuov", "Töleuov"], note: "Ө→О"),
        .init(spellings: ["Маңғыстау", "Мангыстау", "Mangystau", "Mañğystau"], note: "Ң→Н, Ñ"),
        .init(spellings: ["Шолпан", "Sholpan", "Şolpan"], note: "Ш/SH/Ş"),
        .init(spellings: ["Бауыржан", "Bauyrzhan", "Bauyrjan"], note: "Ж"),
        .init(spellings: ["Һарун", "Харун", "Harun", "Kharun"], note: "Һ→Х"),
        // §2b: ё/е, soft sign, Дж/Ж, mixed scripts, case.
        .init(spellings: ["Фёдор", "Федор", "ФЕДОР", "Fedor", "Fyodor"], note: "ё/е"),
        .init(spellings: ["Артём", "Артем", "Artem", "Artyom"], note: "ё/е"),
        .init(spellings: ["Семёнов", "Семенов", "Semenov", "Semyonov"], note: "ё/е"),
        .init(spellings: ["Алёна", "Алена", "Alena", "Alyona"], note: "ё/е"),
        .init(spellings: ["Әсел", "Асель", "Asel"], note: "soft sign"),
        .init(spellings: ["Джанбулатов", "Жанбулатов", "Zhanbulatov", "Dzhanbulatov", "Janbulatov"], note: "Дж→Ж at word start"),
        .init(spellings: ["Джумабеков", "Жумабеков", "Жұмабеков", "Zhumabekov"], note: "Дж→Ж"),
        .init(spellings: ["АСЕЛЬ", "AСEЛЬ", "асель"], note: "Latin А, Е inside a Cyrillic word"),
        .init(spellings: ["Нурлан", "Hурлан", "НУРЛАН"], note: "Latin H for Н"),
        .init(spellings: ["Ерлан", "Yerlan", "Erlan", "YERLAN"], note: "initial Е → YE"),
        // §5: passport Latin (KH, SS, Y), ICAO forms.
        .init(spellings: ["Есенова", "YESSENOVA", "Esenova"], note: "SS between vowels"),
        .init(spellings: ["Хилл", "KHILL"], note: "KH"),
        .init(spellings: ["Юлия", "Yuliya", "Iuliia", "Yulia"], note: "Ю, Я"),
        .init(spellings: ["Мария", "Mariya", "Maria", "Mariia"], note: "ИЯ"),
        .init(spellings: ["Дмитрий", "Dmitriy", "Dmitrii", "Dmitry"], note: "ИЙ"),
        .init(spellings: ["Евгений", "Yevgeniy", "Evgenii", "Evgeny"], note: "Е, ИЙ"),
        .init(spellings: ["Щербаков", "Shcherbakov"], note: "Щ"),
        .init(spellings: ["Цой", "Tsoi", "Tsoy"], note: "Ц"),
        .init(spellings: ["Чокан", "Chokan"], note: "Ч"),
        .init(spellings: ["Александр", "Aleksandr", "Alexandr"], note: "X = KS"),
        .init(spellings: ["Виктория", "Viktoriya", "Victoria"], note: "lone C = K"),
        .init(spellings: ["Алексеевна", "Alekseyevna", "Alekseevna"], note: "YE after a vowel"),
        // Hyphens, spaces, compound names (written as one word in Russian).
        .init(spellings: ["Али-Султан", "Алисултан", "Али Султан", "  али  —  султан "], note: "compound"),
        .init(spellings: ["Серікұлы", "Серік ұлы", "Serikuly", "Серикулы"], note: "-ұлы joined or apart"),
        .init(spellings: ["Ерланқызы", "Ерланкызы", "Erlankyzy", "Yerlanqyzy"], note: "-қызы"),
        // Decomposed input (NFD): Ё = Е + U+0308, Й = И + U+0306, Ş = S + U+0327.
        .init(spellings: ["Фе\u{308}дор", "Фёдор"], note: "NFD Ё"),
        .init(spellings: ["Ба\u{301}уыржан", "Бауыржан"], note: "stress mark"),
        .init(spellings: ["S\u{327}olpan", "Шолпан"], note: "NFD Ş"),
    ]

    @Test("spellings of one name share a comparison key", arguments: equivalences)
    func equivalent(_ case_: Equivalence) {
        let keys = case_.spellings.map(NameKey.init)
        for (spelling, key) in zip(case_.spellings, keys) {
            #expect(key == keys[0], "\(spelling) → \(key), expected \(keys[0]) (\(case_.note))")
        }
    }

    static let distinct: [(String, String)] = [
        ("Ахметов", "Ахметова"),  // sex differs: same stem, different key
        ("Серик", "Сергей"),
        ("Алия", "Алина"),
        ("Нурлан", "Нурсултан"),
        ("Ерлан", "Ержан"),
        ("Иванов", "Иванова"),
        ("Асель", "Асел-бек"),
        ("Мадина", "Медина"),
        ("Нұрланұлы", "Нұрланқызы"),
        ("Ким", "Ли"),
    ]

    @Test("different names keep different keys", arguments: distinct)
    func notEquivalent(_ pair: (String, String)) {
        #expect(NameKey(pair.0) != NameKey(pair.1))
    }

    @Test("the issue's example folds to the documented skeleton")
    func skeleton() {
        #expect(NameKey("Әлия Нұрланқызы").description == "ALIANURLANKIZI")
        #expect(NameKey("Щербаков").description == "WERBAKOV")
    }

    @Test("a text without letters has an empty key", arguments: ["", "   ", "-", "123", "—"])
    func emptyKey(_ text: String) {
        #expect(NameKey(text).isEmpty)
    }

    @Test("the reusable encoder gives the same key as NameKey")
    func encoderMatchesKey() {
        var buffer: [UInt8] = []
        for case_ in Self.equivalences {
            for spelling in case_.spellings {
                NameKeyEncoder.encode(spelling, into: &buffer)
                #expect(buffer == NameKey(spelling).bytes)
            }
        }
    }

    @Test("letters of other scripts are kept")
    func otherScripts() {
        #expect(!NameKey("王").isEmpty)
        #expect(NameKey("王") != NameKey("李"))
    }

    // MARK: - Stems and patronymics

    static let surnameStems: [(String, String)] = [
        ("Ахметов", "AHMET"), ("Ахметова", "AHMET"), ("Akhmetova", "AHMET"), ("Мусин", "MUS"), ("Мусина", "MUS"),
        ("Серікұлы", "SERIK"), ("Бақытқызы", "BAKIT"), ("Ким", "KIM"), ("Ли", "LI"), ("Шевченко", "WEVCENKO"),
        ("Сулейменов", "SULEIMEN"), ("Васильев", "VASIL"), ("Тургенский", "TURGENSK"), ("Тургенская", "TURGENSK"),
    ]

    @Test("surname stems drop -ов/-ев/-ин(+а), -ский/-ская, -ұлы/-қызы", arguments: surnameStems)
    func surnameStem(_ pair: (String, String)) {
        #expect(NameKey(pair.0).surnameStem.description == pair.1)
    }

    struct PatronymicCase: Sendable, CustomTestStringConvertible {
        let text: String
        let father: String
        let gender: Gender?
        let style: PatronymicForm.Style
        var testDescription: String { text }
    }

    static let patronymics: [PatronymicCase] = [
        .init(text: "Нурланович", father: "NURLAN", gender: .male, style: .russian),
        .init(text: "Нурлановна", father: "NURLAN", gender: .female, style: .russian),
        .init(text: "Нұрланұлы", father: "NURLAN", gender: .male, style: .kazakh),
        .init(text: "Нұрланқызы", father: "NURLAN", gender: .female, style: .kazakh),
        .init(text: "Нурланулы", father: "NURLAN", gender: .male, style: .kazakh),
        .init(text: "Nurlanuly", father: "NURLAN", gender: .male, style: .kazakh),
        .init(text: "Nurlankyzy", father: "NURLAN", gender: .female, style: .kazakh),
        .init(text: "NURLANOVICH", father: "NURLAN", gender: .male, style: .russian),
        .init(text: "Серік ұлы", father: "SERIK", gender: .male, style: .kazakh),
        .init(text: "Серикович", father: "SERIK", gender: .male, style: .russian),
        .init(text: "Алиевна", father: "ALI", gender: .female, style: .russian),
        .init(text: "Сергеевич", father: "SERG", gender: .male, style: .russian),
        .init(text: "Ильич", father: "IL", gender: .male, style: .russian),
        .init(text: "Кузьминична", father: "KUZMIN", gender: .female, style: .russian),
        .init(text: "Нурлан", father: "NURLAN", gender: nil, style: .unmarked),
    ]

    @Test("patronymics read as father's name + sex + pattern", arguments: patronymics)
    func patronymic(_ case_: PatronymicCase) {
        let form = PatronymicForm(case_.text)
        #expect(form.fatherName.description == case_.father)
        #expect(form.gender == case_.gender)
        #expect(form.style == case_.style)
    }
}
