import Normalization
import Testing

/// Regions and cities of republican significance from addresses in Russian, Kazakh and Latin, new and old.
struct RegionTests {
    static let cases: [(String, AdministrativeRegion)] = [
        ("Алматинская обл.", .almatyRegion),
        ("Алматы облысы", .almatyRegion),
        ("Almaty region", .almatyRegion),
        ("Алматинская область, г. Конаев, ул. Абая 5", .almatyRegion),
        ("г. Алматы", .almaty),
        ("Алматы", .almaty),
        ("Алматы қаласы", .almaty),
        ("Алма-Ата", .almaty),
        ("г. Алматы, пр. Абая 10", .almaty),
        ("пр. Абая 10, Алматы", .almaty),
        ("Нур-Султан", .astana),
        ("г. Нур-Султан", .astana),
        ("Нұр-Сұлтан", .astana),
        ("Астана", .astana),
        ("Astana city", .astana),
        ("Шымкент", .shymkent),
        ("Shymkent", .shymkent),
        ("г. Чимкент", .shymkent),
        ("Абайская область", .abai),
        ("Абай облысы", .abai),
        ("Абайская", .abai),
        ("Жетісу облысы", .zhetysu),
        ("Жетісу", .zhetysu),
        ("Жетысуская обл", .zhetysu),
        ("Ұлытау", .ulytau),
        ("Улытауская область", .ulytau),
        ("Акмолинская обл.", .akmola),
        ("Ақмола облысы", .akmola),
        ("Актюбинская область", .aktobe),
        ("Ақтөбе облысы", .aktobe),
        ("Aqtöbe", .aktobe),
        ("Атырауская область", .atyrau),
        ("Западно-Казахстанская область", .westKazakhstan),
        ("Батыс Қазақстан облысы", .westKazakhstan),
        ("West Kazakhstan Region", .westKazakhstan),
        ("ЗКО, г. Уральск", .westKazakhstan),
        ("Жамбылская область", .zhambyl),
        ("Jambyl oblysy", .zhambyl),
        ("Карагандинская обл.", .karaganda),
        ("Қарағанды облысы", .karaganda),
        ("Костанайская область", .kostanay),
        ("Кызылординская область", .kyzylorda),
        ("Қызылорда", .kyzylorda),
        ("Мангистауская область", .mangystau),
        ("Маңғыстау облысы", .mangystau),
        ("Павлодарская область", .pavlodar),
        ("Северо-Казахстанская обл.", .northKazakhstan),
        ("Солтүстік Қазақстан облысы", .northKazakhstan),
        ("Туркестанская область", .turkestan),
        ("Түркістан облысы", .turkestan),
        ("Южно-Казахстанская область", .turkestan),
        ("Восточно-Казахстанская область", .eastKazakhstan),
        ("Шығыс Қазақстан облысы", .eastKazakhstan),
        ("ВКО", .eastKazakhstan),
        ("г. Усть-Каменогорск", .eastKazakhstan),
        ("г. Семей", .abai),
        ("г. Кокшетау", .akmola),
        ("г. Жезказган", .ulytau),
        ("г. Талдыкорган", .zhetysu),
    ]

    @Test("recognised regions", arguments: cases)
    func recognised(_ pair: (String, AdministrativeRegion)) throws {
        #expect(try AdministrativeRegion.recognize(pair.0) == pair.1)
    }

    @Test("unknown or empty addresses are typed errors", arguments: [("ул. Абая 5", NormalizationError.Reason.unknownRegion), ("Москва", .unknownRegion), ("  ", .empty)])
    func unknown(_ pair: (String, NormalizationError.Reason)) {
        do {
            let region = try AdministrativeRegion.recognize(pair.0)
            Issue.record("\(pair.0) recognised as \(region)")
        } catch {
            #expect(error.reason == pair.1)
        }
    }

    @Test("КАТО codes: 20 distinct two-digit prefixes, deeper codes map to their region")
    func kato() {
        #expect(AdministrativeRegion.allCases.count == 20)
        #expect(Set(AdministrativeRegion.allCases.map(\.kato)).count == 20)
        #expect(AdministrativeRegion.almatyRegion.kato == "190000000")
        #expect(AdministrativeRegion.shymkent.iso == "KZ-79")
        #expect(AdministrativeRegion(kato: "611010000") == .turkestan)
        #expect(AdministrativeRegion(kato: "111010000") == .akmola)
        #expect(AdministrativeRegion(kato: "75") == .almaty)
        #expect(AdministrativeRegion(kato: "990000000") == nil)
        // Only the digits count: separators are skipped, and the code must have 2 or 9 of them.
        #expect(AdministrativeRegion(kato: " 75-1410000 ") == .almaty)
        #expect(AdministrativeRegion(kato: "7") == nil)
        #expect(AdministrativeRegion(kato: "7511") == nil)
        #expect(AdministrativeRegion(kato: "") == nil)
        #expect(AdministrativeRegion(kato: "٧٥") == nil)  // Arabic-Indic digits are not КАТО digits
        for region in AdministrativeRegion.allCases { #expect(AdministrativeRegion(kato: region.kato) == region) }
        #expect(AdministrativeRegion.allCases.filter(\.isCity).count == 3)
    }

    @Test("every region recognises its own Russian and Kazakh names", arguments: AdministrativeRegion.allCases)
    func ownNames(_ region: AdministrativeRegion) throws {
        #expect(try AdministrativeRegion.recognize(region.nameRu) == region)
        #expect(try AdministrativeRegion.recognize(region.nameKk) == region)
    }
}
