import Identifiers
import Verification

/// An in-memory set of registries holding one qualified sports club (legal entity) and one qualified art
/// entrepreneur, each with coaches; tests change one fact and check the verdict.
struct ProviderWorld {
    static let today = CalendarDate(year: 2025, month: 9, day: 1)!

    /// A valid IIN from an 11-digit prefix (the check digit computed).
    static func iin(_ prefix: String) -> IIN {
        let digits = Array(prefix.utf8).map { $0 - UInt8(ascii: "0") }
        let check = IIN.checkDigit(forPrefix: digits)!
        return try! IIN(prefix + String(check))
    }

    /// `count` distinct valid IINs of people born in 1980 (prefixes whose check digit is not issuable are skipped).
    static func iins(count: Int) -> [IIN] {
        var result: [IIN] = []
        var serial = 0
        while result.count < count {
            serial += 1
            let prefix = "800101" + String(300_000 + serial).suffix(5)
            let digits = Array(prefix.utf8).map { $0 - UInt8(ascii: "0") }
            if let check = IIN.checkDigit(forPrefix: digits), let iin = try? IIN(prefix + String(check)) { result.append(iin) }
        }
        return result
    }

    /// A valid BIN from an 11-digit prefix (the check digit computed as for an IIN — same algorithm).
    static func bin(_ prefix: String) -> BIN {
        let digits = Array(prefix.utf8).map { $0 - UInt8(ascii: "0") }
        let check = IIN.checkDigit(forPrefix: digits)!
        return try! BIN(prefix + String(check), asOf: today)
    }

    static let clubBIN = bin("04044000120")
    static let head = iin("85041530012")
    static let entrepreneurIIN = iin("88030240123")
    static let sportCoaches = [iin("79110240157"), iin("90050230045")]
    static let artCoach = iin("92112250067")

    var calls = ProviderCallLog()
    var entities: [BIN: LegalEntity] = [:]
    var entrepreneurs: [IIN: IndividualEntrepreneur] = [:]
    var persons: [IIN: PersonRecord] = [:]
    var educators: [IIN: EducatorQualification] = [:]
    var health: [IIN: HealthFacts] = [:]
    var businessBehaviour = ProviderFakeBehaviour.answer
    var personsBehaviour = ProviderFakeBehaviour.answer
    var educationBehaviour = ProviderFakeBehaviour.answer
    var healthBehaviour = ProviderFakeBehaviour.answer
    var maximumConcurrentCalls = 16

    init() {
        entities[Self.clubBIN] = LegalEntity(
            bin: Self.clubBIN, nameRu: "ТОО Спортивный клуб «Барыс»", legalForm: "ТОО", status: .active,
            head: PersonReference(iin: Self.head, surname: "ЖҰМАБЕКОВ ЕРЛАН САПАРҰЛЫ"))
        entrepreneurs[Self.entrepreneurIIN] = IndividualEntrepreneur(
            holder: PersonReference(iin: Self.entrepreneurIIN, surname: "ОМАРОВА", firstName: "ДИНАРА"), tradeName: "ИП «Омарова Арт»",
            status: .active)
        persons[Self.head] = PersonRecord(iin: Self.head, surname: "ЖҰМАБЕКОВ", firstName: "ЕРЛАН", patronymic: "САПАРҰЛЫ")
        persons[Self.entrepreneurIIN] = PersonRecord(iin: Self.entrepreneurIIN, surname: "ОМАРОВА", firstName: "ДИНАРА", patronymic: "АСЫЛБЕКҚЫЗЫ")
        let sportNames = [("СЕЙТҚАЛИ", "АЙДОС", "МАРАТҰЛЫ"), ("ИВАНОВА", "ЕЛЕНА", "ПЕТРОВНА")]
        for (iin, name) in zip(Self.sportCoaches, sportNames) {
            persons[iin] = PersonRecord(iin: iin, surname: name.0, firstName: name.1, patronymic: name.2)
            educators[iin] = Self.educator(iin, specialty: "Физическая культура и спорт", code: "5B010800")
            health[iin] = Self.clearedHealth(iin)
        }
        persons[Self.artCoach] = PersonRecord(iin: Self.artCoach, surname: "ӘБДІРАХМАНОВА", firstName: "ГҮЛНАР", patronymic: "СЕРІКҚЫЗЫ")
        educators[Self.artCoach] = Self.educator(Self.artCoach, specialty: "Хореография", code: "6B01402")
        health[Self.artCoach] = HealthFacts(patient: PersonReference(iin: Self.artCoach))
    }

    static func educator(_ iin: IIN, specialty: String, code: String?, category: String = "PEDAGOG_EXPERT", validUntil: CalendarDate? = CalendarDate(year: 2027, month: 6, day: 1)) -> EducatorQualification {
        EducatorQualification(
            educator: PersonReference(iin: iin), position: CodedValue(code: "COACH", nameRu: "тренер-преподаватель"),
            diplomas: [Diploma(level: "HIGHER", institution: "Казахская академия спорта и туризма", specialty: specialty, specialtyCode: code, graduationYear: 2005)],
            category: QualificationCategory(value: CodedValue(code: category), assignedOn: CalendarDate(year: 2022, month: 6, day: 1), validUntil: validUntil),
            experienceYears: 12)
    }

    static func clearedHealth(_ iin: IIN) -> HealthFacts {
        HealthFacts(
            patient: PersonReference(iin: iin),
            sportsClearances: [
                SportsClearance(
                    clearanceId: "SC-00000001", issuedOn: CalendarDate(year: 2025, month: 3, day: 1), validUntil: CalendarDate(year: 2026, month: 3, day: 1),
                    admitted: true, healthGroup: "BASIC")
            ])
    }

    /// The sports club's check as its operator would type it: head and both coaches, names as on their documents.
    static var clubRequest: ProviderCheckRequest {
        ProviderCheckRequest(
            providerID: clubBIN.text, section: .sport,
            head: ProviderPersonDeclaration(iin: head.unmasked, surname: "Жұмабеков", firstName: "Ерлан", patronymic: "Сапарұлы"),
            coaches: [
                ProviderPersonDeclaration(iin: sportCoaches[0].unmasked, surname: "Сейтқали", firstName: "Айдос", patronymic: "Маратұлы"),
                ProviderPersonDeclaration(iin: sportCoaches[1].unmasked, surname: "Иванова", firstName: "Елена", patronymic: "Петровна"),
            ])
    }

    /// The art entrepreneur's check: no head declared (the holder is the head), one coach.
    static var entrepreneurRequest: ProviderCheckRequest {
        ProviderCheckRequest(
            providerID: entrepreneurIIN.unmasked, section: .art,
            coaches: [ProviderPersonDeclaration(iin: artCoach.unmasked, surname: "Абдрахманова", firstName: "Гульнар", patronymic: "Серикқызы")])
    }

    var collector: ProviderQualificationCollector {
        ProviderQualificationCollector(
            business: FakeBusinessRegistry(entities: entities, entrepreneurs: entrepreneurs, behaviour: businessBehaviour, calls: calls),
            persons: FakePersonRegistry(persons: persons, behaviour: personsBehaviour, calls: calls),
            education: FakeEducationRegistry(educators: educators, behaviour: educationBehaviour, calls: calls),
            health: FakeHealthRegistry(facts: health, behaviour: healthBehaviour, calls: calls),
            maximumConcurrentCalls: maximumConcurrentCalls)
    }

    /// Collects and assesses `request` on ``today``. The fakes answer at once, so the default budget only bounds a
    /// stalled machine; the deadline tests pass their own short budget.
    func check(_ request: ProviderCheckRequest, within budget: Duration = .seconds(60)) async -> (ProviderQualificationAssessment, ProviderQualificationEvidence?) {
        await ProviderQualificationChecker(collector: collector).check(request, within: .after(budget), on: Self.today)
    }
}
