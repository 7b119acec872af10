import Identifiers
import Testing
import Verification

/// Which specialties qualify a coach for which section.
struct ProviderSpecialtyCatalogueTests {
    @Test("specialties by name and code", arguments: [
        ("Физическая культура и спорт", nil, ProviderSectionType.sport, true),
        ("Физическая культура и спорт", nil, .art, false),
        ("Дене шынықтыру және спорт", nil, .sport, true),
        ("Тренерская работа", nil, .sport, true),
        ("Музыкальное образование", nil, .art, true),
        ("Музыкальное образование", nil, .sport, false),
        ("Хореография", nil, .art, true),
        ("Изобразительное искусство и черчение", nil, .art, true),
        ("Математика", nil, .sport, false),
        ("Математика", nil, .art, false),
        (nil, "5B010800", .sport, true),
        (nil, " 6b01402 ", .art, true),
        (nil, "6B01402", .sport, false),
        (nil, nil, .sport, false),
    ] as [(String?, String?, ProviderSectionType, Bool)])
    func relevance(specialty: String?, code: String?, section: ProviderSectionType, relevant: Bool) {
        #expect(ProviderSpecialtyCatalogue.standard.isRelevant(Diploma(specialty: specialty, specialtyCode: code), to: section) == relevant)
    }

    @Test("a provider id of twelve digits is a BIN when it parses as one, else an IIN")
    func providerIdentifier() throws {
        let bin = ProviderWorld.clubBIN
        #expect(try ProviderIdentifier(typed: bin.text) == .legalEntity(bin))
        #expect(try ProviderIdentifier(typed: "850415-300121") == .entrepreneur(try IIN("850415300121")))
        #expect(ProviderIdentifier.entrepreneur(try IIN("850415300121")).description == "IIN:8504******21")
    }
}
