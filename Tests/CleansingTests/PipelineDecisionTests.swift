import Cleansing
import Identifiers
import Testing
import Verification

/// Each decision, phone check, correction and registry failure of `CleansingPipeline`.
struct PipelineDecisionTests {
    typealias S = PipelineSamples

    private func cleanse(
        _ row: CleansingInputRow, persons: PipelineFakePersons = S.persons(), crossRow: CrossRowFinding? = nil,
        configuration: CleansingPipelineConfiguration = .init()
    ) async -> CleansingResultRow {
        await CleansingPipeline(persons: persons, configuration: configuration).cleanse(row, crossRow: crossRow, within: S.deadline)
    }

    // MARK: - Decisions

    @Test("a row that agrees with the registry is VALID with its match explained")
    func valid() async throws {
        let result = await cleanse(S.aliyaRow())
        #expect(result.decision == .valid)
        #expect(result.reasonCodes.isEmpty)
        #expect(result.iinStatus == "VALID")
        #expect(result.corrections.isEmpty)
        let score = try #require(result.matchScore)
        #expect(score > 8)
        #expect(result.matchExplanation.contains("surname exact"))
        #expect(result.matchExplanation.hasSuffix("MATCH"))
        #expect(!result.matchExplanation.contains("НҰРЛАНОВА") && !result.matchExplanation.contains("NURLAN"))
        #expect(result.surname == "НҰРЛАНОВА")
        #expect(result.birthDate == "1985-04-15")
        #expect(result.phone == "+77011234567")
        #expect(result.phoneCheck == .valid)
    }

    @Test("case, blanks and IIN separators are normalised away: still VALID")
    func validAfterNormalisation() async {
        let iin = S.aliya.unmasked
        let spaced = String(iin.prefix(6)) + " " + String(iin.dropFirst(6))
        let row = S.row(
            iin: spaced, surname: "  нұрланова ", firstName: "ӘЛИЯ", patronymic: "серікқызы", birthDate: "1985-04-15", phone: "8 (701) 123-45-67",
            region: "г. Алматы", childIIN: "150601500436", recordID: " R-1 ")
        let result = await cleanse(row)
        #expect(result.decision == .valid)
        #expect(result.iin == iin)
        #expect(result.phone == "+77011234567")
        #expect(result.region == "г. Алматы")
        #expect(result.childIIN == "150601500436")
        #expect(result.recordID == "R-1")
    }

    @Test("Russianised letters, a typo and a missing patronymic make the row CORRECTABLE with the registry's values")
    func correctable() async {
        let row = S.row(iin: S.aliya.unmasked, surname: "Нурланова", firstName: "Алия", patronymic: "", birthDate: "15.04.1985")
        let result = await cleanse(row)
        #expect(result.decision == .correctable)
        #expect(
            Set(result.corrections) == [
                SuggestedCorrection(field: .surname, current: "НУРЛАНОВА", suggested: "НҰРЛАНОВА"),
                SuggestedCorrection(field: .firstName, current: "АЛИЯ", suggested: "ӘЛИЯ"),
                SuggestedCorrection(field: .patronymic, current: "", suggested: "СЕРІКҚЫЗЫ"),
            ])
    }

    @Test("a wrong or unreadable birth date is corrected from the registry; an absent column never is")
    func birthDateCorrections() async {
        let swapped = await cleanse(S.row(iin: S.erlan.unmasked, surname: "Ахметов", firstName: "Ерлан", patronymic: "Болатович", birthDate: "03.02.1979"))
        #expect(swapped.decision == .correctable)
        #expect(swapped.corrections == [SuggestedCorrection(field: .birthDate, current: "1979-02-03", suggested: "1979-03-02")])

        let unreadable = await cleanse(S.row(iin: S.erlan.unmasked, surname: "Ахметов", firstName: "Ерлан", patronymic: "Болатович", birthDate: "32.13.79"))
        #expect(unreadable.decision == .correctable)
        #expect(unreadable.reasonCodes.contains("BIRTH_DATE_INVALID"))
        #expect(unreadable.corrections == [SuggestedCorrection(field: .birthDate, current: "32.13.79", suggested: "1979-03-02")])

        let noColumn = await cleanse(S.row(iin: S.erlan.unmasked, surname: "Ахметов", firstName: "Ерлан", patronymic: "Болатович"))
        #expect(noColumn.decision == .valid)
        #expect(noColumn.corrections.isEmpty)
    }

    @Test("an IIN that belongs to someone else is MISMATCH, without corrections")
    func mismatch() async {
        let result = await cleanse(S.row(iin: S.erlan.unmasked, surname: "Нұрланова", firstName: "Әлия", patronymic: "Серікқызы"))
        #expect(result.decision == .mismatch)
        #expect(result.reasonCodes.first == "NAME_MISMATCH")
        #expect(result.corrections.isEmpty)
        #expect(result.matchExplanation.hasSuffix("MISMATCH"))
    }

    @Test("a sibling's IIN (same surname and patronymic, another first name) is MISMATCH, not a first-name correction")
    func siblingIsMismatch() async {
        let result = await cleanse(S.row(iin: S.erlan.unmasked, surname: "Ахметов", firstName: "Нурлан", patronymic: "Болатович"))
        #expect(result.decision == .mismatch)
        #expect(result.reasonCodes.contains("NAME_MISMATCH"))
        #expect(result.corrections.isEmpty)
    }

    @Test("a close but uncertain match follows the configuration: CORRECTABLE by default, MISMATCH when strict")
    func uncertain() async {
        let lenient = await cleanse(S.row(iin: S.erlan.unmasked, surname: "Ахмедов", firstName: "Ерлант"))
        #expect(lenient.matchExplanation.hasSuffix("REVIEW"))
        #expect(lenient.decision == .correctable)
        #expect(lenient.reasonCodes.contains("IDENTITY_UNCERTAIN"))
        var strict = CleansingPipelineConfiguration()
        strict.uncertainIdentity = .mismatch
        let strictResult = await cleanse(S.row(iin: S.erlan.unmasked, surname: "Ахмедов", firstName: "Ерлант"), configuration: strict)
        #expect(strictResult.decision == .mismatch)
    }

    @Test("an IIN the registry does not know is NOT_FOUND")
    func notFound() async {
        let unknown = S.iin("900101", century: "3", serial: 999)
        let result = await cleanse(S.row(iin: unknown.unmasked, surname: "Сидоров", firstName: "Иван"))
        #expect(result.decision == .notFound)
        #expect(result.reasonCodes.first == "PERSON_NOT_FOUND")
        #expect(result.registryErrors.isEmpty)
        #expect(result.matchScore == nil)
    }

    @Test("a deceased person's IIN is DECEASED, whether the names match or not")
    func deceased() async {
        let same = await cleanse(S.row(iin: S.dead.unmasked, surname: "Иванов", firstName: "Пётр", patronymic: "Семёнович"))
        #expect(same.decision == .deceased)
        #expect(same.reasonCodes.first == "PERSON_DECEASED")
        let other = await cleanse(S.row(iin: S.dead.unmasked, surname: "Нұрланова", firstName: "Әлия"))
        #expect(other.decision == .deceased)
        #expect(other.reasonCodes.contains("PERSON_DECEASED") && other.reasonCodes.contains("NAME_MISMATCH"))
    }

    @Test(
        "a bad IIN is INVALID_IIN with the check's code and never reaches the registry",
        arguments: [("850415400122", "IIN_CHECKSUM"), ("85041540012", "IIN_LENGTH"), ("8504154OO121", "IIN_INVALID_CHARACTER"), ("", "IIN_EMPTY")])
    func invalidIIN(typed: String, code: String) async {
        let persons = S.persons()
        let result = await cleanse(S.row(iin: typed, surname: "Нұрланова", firstName: "Әлия"), persons: persons)
        #expect(result.decision == .invalidIIN)
        #expect(result.iinStatus == code)
        #expect(result.reasonCodes.first == code)
        #expect(persons.calls.value == 0)
        #expect(result.matchScore == nil)
    }

    // MARK: - Registry down versus not found

    @Test(
        "a registry that is down, throttling or answers invalidly is REGISTRY_UNAVAILABLE with a note — never NOT_FOUND",
        arguments: [
            (PipelineFakePersons.Behaviour.unavailable(.connection), "individuals:connection", "REGISTRY_UNAVAILABLE"),
            (.unavailable(.circuitOpen), "individuals:circuit_open", "REGISTRY_UNAVAILABLE"),
            (.unavailable(.rateLimited), "individuals:rate_limited", "REGISTRY_UNAVAILABLE"),
            (.invalid(.badSignature()), "individuals:invalid_bad_signature", "REGISTRY_RESPONSE_INVALID"),
        ])
    func registryDown(behaviour: PipelineFakePersons.Behaviour, note: String, reason: String) async {
        let result = await cleanse(S.aliyaRow(), persons: S.persons(behaviour))
        #expect(result.decision == .registryUnavailable)
        #expect(result.registryErrors.map(\.description) == [note])
        #expect(result.reasonCodes.first == reason)
        #expect(!result.reasonCodes.contains("PERSON_NOT_FOUND"))
        #expect(result.matchScore == nil)
    }

    @Test("a registry that hangs past the call budget is REGISTRY_UNAVAILABLE (timeout)")
    func registryHangs() async {
        var configuration = CleansingPipelineConfiguration()
        configuration.registryCallBudget = .milliseconds(50)
        let result = await cleanse(S.aliyaRow(), persons: S.persons(.hang), configuration: configuration)
        #expect(result.decision == .registryUnavailable)
        #expect(result.registryErrors.map(\.description) == ["individuals:timeout"])
    }

    // MARK: - Duplicates and precedence

    @Test("a duplicate finding makes a VALID or CORRECTABLE row DUPLICATE, keeping its registry explanation")
    func duplicate() async throws {
        let finding = CrossRowFinding(kind: .samePersonVariant, firstLine: 2, group: "G2")
        let result = await cleanse(S.row(line: 9, iin: S.aliya.unmasked, surname: "Нурланова", firstName: "Әлия"), crossRow: finding)
        #expect(result.decision == .duplicate)
        #expect(result.duplicateGroup == "G2")
        #expect(result.reasonCodes.contains("DUPLICATE_PERSON"))
        #expect(result.corrections.map(\.field) == [.surname])
        #expect(try #require(result.matchScore) > 8)
    }

    @Test("INVALID_IIN, REGISTRY_UNAVAILABLE, DECEASED, NOT_FOUND and MISMATCH beat DUPLICATE, which still adds its reason and group")
    func precedence() async {
        let finding = CrossRowFinding(kind: .exactRepeat, firstLine: 2, group: "G2")
        let rows: [(CleansingInputRow, PipelineFakePersons, CleansingDecision)] = [
            (S.row(iin: "123", surname: "Нұрланова", firstName: "Әлия"), S.persons(), .invalidIIN),
            (S.aliyaRow(), S.persons(.unavailable(.timeout)), .registryUnavailable),
            (S.row(iin: S.dead.unmasked, surname: "Иванов", firstName: "Пётр"), S.persons(), .deceased),
            (S.row(iin: S.iin("900101", serial: 999).unmasked, surname: "Сидоров", firstName: "Иван"), S.persons(), .notFound),
            (S.row(iin: S.erlan.unmasked, surname: "Нұрланова", firstName: "Әлия"), S.persons(), .mismatch),
        ]
        for (row, persons, expected) in rows {
            let result = await cleanse(row, persons: persons, crossRow: finding)
            #expect(result.decision == expected)
            #expect(result.reasonCodes.contains("DUPLICATE_ROW"))
            #expect(result.duplicateGroup == "G2")
        }
        #expect(CleansingDecision.precedence.first == .invalidIIN && CleansingDecision.precedence.last == .valid)
    }

    @Test("kinds left out of duplicateKinds only annotate the row")
    func duplicateKinds() async {
        var configuration = CleansingPipelineConfiguration()
        configuration.duplicateKinds = [.sameIINOtherName, .samePersonVariant]
        let result = await cleanse(S.aliyaRow(line: 5), crossRow: CrossRowFinding(kind: .exactRepeat, firstLine: 2, group: "G2"), configuration: configuration)
        #expect(result.decision == .valid)
        #expect(result.reasonCodes == ["DUPLICATE_ROW"])
        #expect(result.duplicateGroup == "G2")
    }

    // MARK: - Phone checks

    @Test(
        "the phone check: KZ mobile, missing, malformed, not mobile",
        arguments: [
            ("+7 701 123 45 67", CleansingPhoneCheck.valid, nil, "+77011234567"),
            ("87471234567", .valid, nil, "+77471234567"),
            ("   ", .missing, "PHONE_MISSING", ""),
            ("70112", .malformed, "PHONE_LENGTH", "70112"),
            ("+7 701 ABC", .malformed, "PHONE_INVALID_CHARACTER", "+7 701 ABC"),
            ("+7 7172 55 66 77", .notMobile, "PHONE_NOT_MOBILE", "+7 7172 55 66 77"),
            ("+49 30 1234567", .notMobile, "PHONE_FOREIGN", "+49 30 1234567"),
        ] as [(String, CleansingPhoneCheck, String?, String)])
    func phoneCheck(typed: String, check: CleansingPhoneCheck, reason: String?, shown: String) async {
        let result = await cleanse(S.aliyaRow(phone: typed))
        #expect(result.phoneCheck == check)
        #expect(result.phone == shown)
        #expect(result.decision == .valid)
        if let reason { #expect(result.reasonCodes == [reason]) } else { #expect(result.reasonCodes.isEmpty) }
    }

    @Test("a file without a phone column reports the phone as missing")
    func phoneColumnAbsent() async {
        let result = await cleanse(S.aliyaRow(phone: nil))
        #expect(result.phoneCheck == .missing)
        #expect(result.reasonCodes == ["PHONE_MISSING"])
    }

    // MARK: - Other fields

    @Test("an unknown region and an invalid child IIN are reported but do not change the decision")
    func auxiliaryFields() async {
        let row = S.row(
            iin: S.aliya.unmasked, surname: "Нұрланова", firstName: "Әлия", patronymic: "Серікқызы", region: "Атлантида", childIIN: "150601500437")
        let result = await cleanse(row)
        #expect(result.decision == .valid)
        #expect(result.reasonCodes == ["REGION_UNKNOWN", "CHILD_IIN_INVALID"])
        #expect(result.region == "Атлантида")
        let kato = await cleanse(S.row(iin: S.aliya.unmasked, surname: "Нұрланова", firstName: "Әлия", patronymic: "Серікқызы", region: "750000000"))
        #expect(kato.region == "г. Алматы")
    }

    @Test("the output row survives the CSV and checkpoint round trips unchanged")
    func roundTrip() async throws {
        let result = await cleanse(S.row(iin: S.aliya.unmasked, surname: "Нурланова", firstName: "Алия", patronymic: "", birthDate: "15.04.85"))
        #expect(try CleansingResultRow(csvFields: result.csvFields) == result)
        #expect(try CleansingResultRow(checkpointPayload: result.checkpointPayload) == result)
    }
}
