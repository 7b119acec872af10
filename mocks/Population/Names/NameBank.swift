/// The parsed name tables with every derived form precomputed once, so generating a person only picks
/// indexes (and shares string storage with the bank).
struct NameBank: Sendable {
    let kazakhMaleClassic: [MaleNameEntry]
    let kazakhMaleModern: [MaleNameEntry]
    let kazakhFemaleClassic: [NameForms]
    let kazakhFemaleModern: [NameForms]
    let russianMale: [MaleNameEntry]
    let russianFemale: [NameForms]
    let surnames: [Ethnicity: [SurnameEntry]]
    /// Latin spellings of every form in the bank: english style, ICAO style.
    private let latinCache: [String: (english: String, icao: String)]

    static let shared = NameBank()

    private init() {
        kazakhMaleClassic = NameTables.kazakhMaleClassic.map(MaleNameEntry.init(kazakhEntry:))
        kazakhMaleModern = NameTables.kazakhMaleModern.map(MaleNameEntry.init(kazakhEntry:))
        kazakhFemaleClassic = NameTables.kazakhFemaleClassic.map(NameForms.init(entry:))
        kazakhFemaleModern = NameTables.kazakhFemaleModern.map(NameForms.init(entry:))
        russianMale = NameTables.russianMale.map(MaleNameEntry.init(russianEntry:))
        russianFemale = NameTables.russianFemale.map(NameForms.init(entry:))
        surnames = [
            .kazakh: NameTables.kazakhSurnames.map(SurnameEntry.init(entry:)),
            .russian: NameTables.russianSurnames.map(SurnameEntry.init(entry:)),
            .ukrainian: NameTables.ukrainianSurnames.map(SurnameEntry.init(entry:)),
            .german: NameTables.germanSurnames.map(SurnameEntry.init(entry:)),
            .korean: NameTables.koreanSurnames.map(SurnameEntry.init(entry:)),
            .tatar: NameTables.tatarSurnames.map(SurnameEntry.init(entry:)),
            .uzbek: NameTables.uzbekSurnames.map(SurnameEntry.init(entry:)),
            .uyghur: NameTables.uyghurSurnames.map(SurnameEntry.init(entry:)),
        ]
        var forms: [NameForms] = kazakhFemaleClassic + kazakhFemaleModern + russianFemale
        for entry in kazakhMaleClassic + kazakhMaleModern + russianMale {
            forms += [entry.name, entry.sonRussianPattern, entry.daughterRussianPattern, entry.sonKazakhPattern,
                      entry.daughterKazakhPattern, entry.surnameForSon, entry.surnameForDaughter]
        }
        for ethnicity in Ethnicity.allCases {
            for entry in surnames[ethnicity] ?? [] { forms += [entry.male, entry.female] }
        }
        var cache: [String: (english: String, icao: String)] = [:]
        for form in forms {
            for text in [form.kazakh, form.russianised] where cache[text] == nil {
                cache[text] = (PassportTransliteration.latin(text, style: .english), PassportTransliteration.latin(text, style: .icao))
            }
        }
        latinCache = cache
    }

    /// Latin spelling of a bank form (computed on the fly for anything else).
    func latin(_ text: String, style: PassportTransliteration.Style) -> String {
        if let cached = latinCache[text] { return style == .english ? cached.english : cached.icao }
        return PassportTransliteration.latin(text, style: style)
    }

    /// First-name lists for an ethnic group: (male entries, female forms).
    func firstNames(for ethnicity: Ethnicity, modern: Bool) -> (male: [MaleNameEntry], female: [NameForms]) {
        switch ethnicity {
        case .kazakh, .uzbek, .uyghur, .tatar:
            return modern ? (kazakhMaleModern, kazakhFemaleModern) : (kazakhMaleClassic, kazakhFemaleClassic)
        case .russian, .ukrainian, .german, .korean:
            return (russianMale, russianFemale)
        }
    }
}
