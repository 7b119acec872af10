import Foundation
import Identifiers
import Matching
import Testing
import Verification

/// Provider qualification end to end over in-memory registries: collector under a deadline, then the policy.
struct ProviderQualificationTests {
    typealias World = ProviderWorld

    // MARK: - Happy paths

    @Test("an active sports club with its head and two cleared, qualified coaches is QUALIFIED")
    func legalEntityQualified() async throws {
        let world = World()
        let (assessment, evidence) = await world.check(World.clubRequest)
        #expect(assessment.decision == .qualified)
        #expect(assessment.reasons.isEmpty)
        #expect(assessment.requirements.allSatisfy { $0.status == .passed })
        let ids = assessment.requirements.map(\.requirement)
        #expect(ids.prefix(2) == [.entityActive, .headIdentity])
        for coach in 0..<2 {
            #expect(assessment.coachResults(coach).map(\.requirement) == [.coachIdentity, .coachAlive, .coachDiploma, .coachCategory, .coachHealthClearance])
        }
        #expect(assessment.requirements.allSatisfy { !$0.messageIds.isEmpty })
        #expect(assessment.result(.headIdentity)?.score?.decision == .match)
        #expect(assessment.result(.coachIdentity, coach: 0)?.subject.maskedIdentifier == World.sportCoaches[0].masked)
        #expect(try #require(evidence).isIncomplete == false)
        #expect(Set(assessment.evidence.map(\.registry)) == [.business, .individuals, .education, .health])
    }

    @Test("an active art entrepreneur is QUALIFIED without a health clearance, and health is never asked")
    func entrepreneurQualified() async throws {
        var world = World()
        world.healthBehaviour = .down
        let (assessment, _) = await world.check(World.entrepreneurRequest)
        #expect(assessment.decision == .qualified, "\(assessment.requirements.filter { $0.status != .passed })")
        #expect(assessment.result(.headIdentity)?.subject.maskedIdentifier == World.entrepreneurIIN.masked)
        #expect(assessment.result(.coachHealthClearance, coach: 0) == nil)
        #expect(world.calls.calls(.health) == 0)
    }

    @Test("an entrepreneur's declared head must be the holder")
    func entrepreneurHeadMustBeHolder() async {
        var request = World.entrepreneurRequest
        request.head = ProviderPersonDeclaration(iin: World.head.unmasked, surname: "Жұмабеков", firstName: "Ерлан")
        let (assessment, _) = await World().check(request)
        #expect(assessment.decision == .notQualified)
        #expect(assessment.result(.headIdentity)?.reason == .headIdentityMismatch)
    }

    // MARK: - Provider facts

    @Test("a provider that is not active is NOT_QUALIFIED", arguments: [BusinessStatus.liquidated, .liquidating, .reorganized])
    func inactiveEntity(status: BusinessStatus) async {
        var world = World()
        world.entities[World.clubBIN]?.status = status
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.decision == .notQualified)
        #expect(assessment.result(.entityActive)?.status == .failed)
        #expect(assessment.result(.entityActive)?.reason == .providerInactive)
        #expect(assessment.reasons.contains(.providerNotQualified))
        #expect(!assessment.reasons.contains(.coachNotQualified))
    }

    @Test("a suspended entrepreneur is NOT_QUALIFIED")
    func suspendedEntrepreneur() async {
        var world = World()
        world.entrepreneurs[World.entrepreneurIIN]?.status = .suspended
        let (assessment, _) = await world.check(World.entrepreneurRequest)
        #expect(assessment.decision == .notQualified)
        #expect(assessment.result(.entityActive)?.reason == .providerInactive)
    }

    @Test("a provider the business registry does not know is NOT_QUALIFIED, citing the registry's answer")
    func providerNotFound() async throws {
        var world = World()
        world.entities = [:]
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.decision == .notQualified)
        let entity = try #require(assessment.result(.entityActive))
        #expect(entity.status == .failed)
        #expect(entity.reason == .providerNotFound)
        #expect(entity.evidence.first?.registry == .business)
        #expect(entity.messageIds.first?.isEmpty == false)
    }

    @Test("a provider id that fails the local checks never reaches a registry (fifth digit 4–6: the BIN's error, else the IIN's)", arguments: [
        ("040440001208", "BIN_CHECKSUM"), ("850415300122", "IIN_CHECKSUM"),
        ("1234", "IIN_LENGTH"), ("0404400012", "BIN_LENGTH"), ("", "IIN_EMPTY"),
    ])
    func badProviderID(typed: String, code: String) async {
        var request = World.clubRequest
        request.providerID = typed
        let world = World()
        let (assessment, evidence) = await world.check(request)
        #expect(evidence == nil)
        #expect(world.calls.totalCalls == 0)
        #expect(assessment.decision == .notQualified)
        #expect(assessment.requirements.count == 1)
        #expect(assessment.result(.entityActive)?.reason == ReasonCode(rawValue: code))
    }

    @Test("twelve digits that fail the BIN rules but pass the IIN rules are checked as an entrepreneur")
    func binTypoPassingAsIIN() async throws {
        // Month 13 is no BIN, but an IIN's birth date is only a soft flag: the id is an entrepreneur's IIN, and the
        // business registry's "not found" decides.
        let request = ProviderCheckRequest(providerID: "041340001206", section: .art)
        #expect(try request.provider.get() == .entrepreneur(try IIN("041340001206")))
        let (assessment, _) = await World().check(request)
        #expect(assessment.result(.entityActive)?.reason == .providerNotFound)
        #expect(assessment.decision == .notQualified)
    }

    // MARK: - Head

    @Test("a head other than the registry's is NOT_QUALIFIED with HEAD_IDENTITY_MISMATCH")
    func headIINMismatch() async {
        var world = World()
        world.entities[World.clubBIN]?.head = PersonReference(iin: World.entrepreneurIIN, surname: "ОМАРОВА ДИНАРА")
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.decision == .notQualified)
        #expect(assessment.result(.headIdentity)?.status == .failed)
        #expect(assessment.result(.headIdentity)?.reason == .headIdentityMismatch)
    }

    @Test("a head whose declared names are someone else's is NOT_QUALIFIED, with the score's explanation")
    func headNameMismatch() async throws {
        var request = World.clubRequest
        request.head?.surname = "Петров"
        request.head?.firstName = "Николай"
        request.head?.patronymic = "Иванович"
        let (assessment, _) = await World().check(request)
        let head = try #require(assessment.result(.headIdentity))
        #expect(head.status == .failed)
        #expect(head.reason == .headIdentityMismatch)
        #expect(head.score?.decision == .mismatch)
        #expect(assessment.decision == .notQualified)
    }

    @Test("a legal entity checked without a declared head goes to REVIEW")
    func headNotDeclared() async {
        var request = World.clubRequest
        request.head = nil
        let (assessment, _) = await World().check(request)
        #expect(assessment.decision == .review)
        #expect(assessment.result(.headIdentity)?.reason == .headNotDeclared)
    }

    @Test("a deceased head is NOT_QUALIFIED")
    func headDeceased() async {
        var world = World()
        world.persons[World.head]?.lifeStatus = .deceased
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.result(.headIdentity)?.reason == .headDeceased)
        #expect(assessment.decision == .notQualified)
    }

    // MARK: - Coaches

    @Test("a deceased coach fails COACH_ALIVE and the provider is NOT_QUALIFIED")
    func coachDeceased() async throws {
        var world = World()
        world.persons[World.sportCoaches[1]]?.lifeStatus = .deceased
        world.persons[World.sportCoaches[1]]?.deathDate = CalendarDate(year: 2024, month: 2, day: 3)
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.decision == .notQualified)
        let alive = try #require(assessment.result(.coachAlive, coach: 1))
        #expect(alive.status == .failed)
        #expect(alive.reason == .coachDeceased)
        #expect(assessment.result(.coachAlive, coach: 0)?.status == .passed)
        #expect(assessment.reasons == [.coachDeceased, .coachNotQualified, .providerNotQualified])
    }

    @Test("a coach the individuals registry does not know fails identity and life status")
    func coachNotFound() async {
        var world = World()
        world.persons[World.sportCoaches[0]] = nil
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.result(.coachIdentity, coach: 0)?.reason == .coachNotFound)
        #expect(assessment.result(.coachAlive, coach: 0)?.status == .failed)
        #expect(assessment.decision == .notQualified)
    }

    @Test("a coach declared under someone else's names fails COACH_IDENTITY")
    func coachNameMismatch() async {
        var request = World.clubRequest
        request.coaches[1] = ProviderPersonDeclaration(iin: World.sportCoaches[1].unmasked, surname: "Нурланов", firstName: "Бауыржан")
        let (assessment, _) = await World().check(request)
        #expect(assessment.result(.coachIdentity, coach: 1)?.reason == .coachIdentityMismatch)
        #expect(assessment.decision == .notQualified)
    }

    @Test("a coach with an invalid IIN fails identity with the IIN code and is not asked about")
    func coachInvalidIIN() async {
        var request = World.clubRequest
        request.coaches.append(ProviderPersonDeclaration(iin: "791102401578", surname: "Х", firstName: "Y"))
        let world = World()
        let (assessment, _) = await world.check(request)
        #expect(assessment.coachResults(2).count == 1)
        #expect(assessment.result(.coachIdentity, coach: 2)?.reason == ReasonCode(rawValue: "IIN_CHECKSUM"))
        #expect(world.calls.calls(.individuals) == 3)  // head + two valid coaches
        #expect(assessment.decision == .notQualified)
    }

    @Test("a sport coach whose only diploma is in music has no relevant diploma; for an art section it is relevant")
    func diplomaRelevance() async {
        var world = World()
        world.educators[World.sportCoaches[0]] = World.educator(World.sportCoaches[0], specialty: "Музыкальное образование", code: "5B010600")
        let (sport, _) = await world.check(World.clubRequest)
        #expect(sport.result(.coachDiploma, coach: 0)?.reason == .coachDiplomaMissing)
        #expect(sport.result(.coachDiploma, coach: 1)?.status == .passed)
        #expect(sport.decision == .notQualified)

        var art = World.clubRequest
        art.section = .art
        art.coaches.removeLast()
        let (assessment, _) = await world.check(art)
        #expect(assessment.result(.coachDiploma, coach: 0)?.status == .passed)
        #expect(assessment.decision == .qualified)
    }

    @Test("a coach unknown to НОБД fails diploma and category")
    func coachNotInEducation() async {
        var world = World()
        world.educators[World.sportCoaches[0]] = nil
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.result(.coachDiploma, coach: 0)?.reason == .coachNotInEducationRegistry)
        #expect(assessment.result(.coachCategory, coach: 0)?.reason == .coachNotInEducationRegistry)
        #expect(assessment.decision == .notQualified)
    }

    @Test("an expired or missing qualification category fails COACH_CATEGORY", arguments: [
        ("PEDAGOG_EXPERT", CalendarDate(year: 2025, month: 8, day: 31), "COACH_CATEGORY_EXPIRED"),
        ("FIRST", CalendarDate(year: 2020, month: 5, day: 1), "COACH_CATEGORY_EXPIRED"),
        ("NO_CATEGORY", nil, "COACH_CATEGORY_MISSING"),
        ("PEDAGOG", nil, "COACH_CATEGORY_MISSING"),
    ] as [(String, CalendarDate?, String)])
    func categoryFails(code: String, validUntil: CalendarDate?, reason: String) async {
        var world = World()
        world.educators[World.sportCoaches[1]] = World.educator(
            World.sportCoaches[1], specialty: "Физическая культура и спорт", code: "5B010800", category: code, validUntil: validUntil)
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.result(.coachCategory, coach: 1)?.status == .failed)
        #expect(assessment.result(.coachCategory, coach: 1)?.reason == ReasonCode(rawValue: reason))
        #expect(assessment.decision == .notQualified)
    }

    @Test("a category valid through the check date passes")
    func categoryValidOnTheDay() async {
        var world = World()
        world.educators[World.sportCoaches[1]] = World.educator(
            World.sportCoaches[1], specialty: "Физическая культура и спорт", code: nil, category: "PEDAGOG_MODERATOR", validUntil: World.today)
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.result(.coachCategory, coach: 1)?.status == .passed)
        #expect(assessment.decision == .qualified)
    }

    @Test("no valid sports clearance fails a sport section", arguments: ["expired", "not admitted", "none", "no health record"])
    func clearanceMissingForSport(kind: String) async {
        var world = World()
        let coach = World.sportCoaches[0]
        switch kind {
        case "expired": world.health[coach]?.sportsClearances[0].validUntil = CalendarDate(year: 2025, month: 8, day: 1)
        case "not admitted": world.health[coach]?.sportsClearances[0].admitted = false
        case "none": world.health[coach]?.sportsClearances = []
        default: world.health[coach] = nil
        }
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.result(.coachHealthClearance, coach: 0)?.status == .failed)
        #expect(assessment.result(.coachHealthClearance, coach: 0)?.reason == .coachClearanceMissing)
        #expect(assessment.decision == .notQualified)
    }

    @Test("the same coach without a clearance qualifies an art section (an art diploma given)")
    func clearanceNotNeededForArt() async {
        var world = World()
        world.health[World.artCoach] = nil
        let (assessment, _) = await world.check(World.entrepreneurRequest)
        #expect(assessment.decision == .qualified)
        #expect(!assessment.requirements.contains { $0.requirement == .coachHealthClearance })
    }

    @Test("a check without coaches goes to REVIEW")
    func noCoaches() async {
        var request = World.clubRequest
        request.coaches = []
        let (assessment, _) = await World().check(request)
        #expect(assessment.decision == .review)
        #expect(assessment.result(.coachesDeclared)?.reason == .coachesNotDeclared)
    }

    // MARK: - Registries down, untrustworthy, hanging

    @Test("a registry that is down or answers untrustworthily yields REVIEW, never NOT_QUALIFIED", arguments: [
        (RegistryName.business, ProviderFakeBehaviour.down), (.individuals, .down), (.education, .down), (.health, .down),
        (.business, .invalid), (.individuals, .invalid), (.education, .invalid), (.health, .invalid),
    ])
    func registryDown(registry: RegistryName, behaviour: ProviderFakeBehaviour) async {
        var world = World()
        switch registry {
        case .business: world.businessBehaviour = behaviour
        case .individuals: world.personsBehaviour = behaviour
        case .education: world.educationBehaviour = behaviour
        default: world.healthBehaviour = behaviour
        }
        let (assessment, evidence) = await world.check(World.clubRequest)
        #expect(assessment.decision == .review)
        #expect(evidence?.isIncomplete == true)
        #expect(!assessment.requirements.contains { $0.status == .failed })
        let expected: ReasonCode = behaviour == .down ? .registryUnavailable : .registryResponseInvalid
        #expect(assessment.reasons == [expected])
        let affected: Set<ProviderRequirement> = switch registry {
        case .business: [.entityActive, .headIdentity]
        case .individuals: [.headIdentity, .coachIdentity, .coachAlive]
        case .education: [.coachDiploma, .coachCategory]
        default: [.coachHealthClearance]
        }
        #expect(Set(assessment.requirements.filter { $0.status == .unknown }.map(\.requirement)) == affected)
    }

    @Test("a down registry does not hide a failure other registries state")
    func downDoesNotHideFailure() async {
        var world = World()
        world.healthBehaviour = .down
        world.entities[World.clubBIN]?.status = .liquidated
        let (assessment, _) = await world.check(World.clubRequest)
        #expect(assessment.decision == .notQualified)
        #expect(assessment.reasons.contains(.registryUnavailable))
    }

    // MARK: - JSON

    @Test("the assessment and the evidence round-trip through JSON; the assessment carries no raw IIN")
    func codable() async throws {
        var world = World()
        world.educationBehaviour = .invalid
        let (assessment, maybeEvidence) = await world.check(World.clubRequest)
        let evidence = try #require(maybeEvidence)
        let encoder = JSONEncoder()
        let assessmentJSON = try encoder.encode(assessment)
        #expect(try JSONDecoder().decode(ProviderQualificationAssessment.self, from: assessmentJSON) == assessment)
        let text = String(decoding: assessmentJSON, as: UTF8.self)
        for iin in [World.head] + World.sportCoaches { #expect(!text.contains(iin.unmasked)) }
        #expect(text.contains("\"NOT_QUALIFIED\"") || text.contains("\"REVIEW\""))

        let decoded = try JSONDecoder().decode(ProviderQualificationEvidence.self, from: try encoder.encode(evidence))
        #expect(decoded.provider == evidence.provider)
        #expect(decoded.legalEntity == evidence.legalEntity)
        #expect(decoded.head == evidence.head)
        #expect(decoded.coaches.map { $0?.qualification.outcome } == [.invalidResponse, .invalidResponse])
        #expect(decoded.coaches.map { $0?.health } == evidence.coaches.map { $0?.health })
        #expect(ProviderQualificationPolicy().assess(World.clubRequest, evidence: decoded, on: World.today) == assessment)

        let request = try JSONDecoder().decode(ProviderCheckRequest.self, from: try encoder.encode(World.clubRequest))
        #expect(request == World.clubRequest)
        #expect(try JSONDecoder().decode(ProviderSectionType.self, from: Data("\"culture\"".utf8)) == .art)
    }
}
