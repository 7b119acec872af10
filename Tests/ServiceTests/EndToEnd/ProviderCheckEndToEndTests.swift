import Foundation
import Hummingbird
import HummingbirdTesting
import Identifiers
import Population
import RegistryMocks
import Service
import Storage
import Testing

/// `POST /v1/provider-checks` against the in-process mock registries and a real SQLite store, on providers picked
/// from the synthetic population: a qualified art school, a liquidated provider, the business registry down, and the
/// request's failures (role, identifiers, JSON).
///
/// The gateway's clock is the population's reference date (categories and clearances are valid relative to it);
/// deadlines are generous, so a busy machine does not turn a registry answer into REVIEW.
@Suite(.serialized) struct ProviderCheckEndToEndTests {
    /// Big enough to hold art schools with qualifying coaches (the same seed as the adapter tests' provider checks).
    static let population: Population = try! PopulationGenerator(configuration: PopulationConfiguration(seed: 4_242, people: 30_000)).generate()

    /// Noon in Almaty on the population's reference date.
    static var referenceNow: Date {
        let day = population.configuration.referenceDate
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 5 * 3600)!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
    }

    static func withWorld(_ body: (GatewayEndToEndTests.World, Router<GatewayRequestContext>) async throws -> Void) async throws {
        let now = referenceNow
        try await GatewayEndToEndTests.withWorld(
            population: population, now: { now }, service: GatewayServiceConfiguration(requestDeadline: .seconds(60)),
            registryTimeoutMilliseconds: 30_000, body)
    }

    // MARK: - Population

    /// Whether the registries hold the person without an injected defect (so names compare cleanly).
    static func clean(_ iin: IIN) -> Bool { population.defects(for: iin).isEmpty }

    /// Whether an educator meets every art-section rule by the population's own facts.
    static func qualifiesForArt(_ educator: EducatorRecord) -> Bool {
        let iin = educator.person.iin
        guard let truth = population.person(iin), !truth.isDeceased, clean(iin) else { return false }
        guard !["PEDAGOG", "NO_CATEGORY"].contains(educator.category.rawValue) else { return false }
        guard let validUntil = educator.categoryValidUntil, population.configuration.referenceDate <= validUntil else { return false }
        return educator.diplomas.contains { ["Музыкальное образование", "Хореография"].contains($0.specialty) }
    }

    /// An active art school with a living, cleanly recorded head, and its qualifying coaches.
    static func qualifiedArtSchool() -> (bin: BIN, head: IIN, coaches: [IIN])? {
        for entity in population.business.legalEntities where entity.status.rawValue == "ACTIVE" && entity.activity.rawValue == "85520" {
            guard let head = entity.headIIN, population.person(head)?.isDeceased == false, clean(head) else { continue }
            let coaches = population.education.educators.filter {
                if case .bin(let bin) = $0.employer, bin == entity.bin { return qualifiesForArt($0) }
                return false
            }
            if !coaches.isEmpty { return (entity.bin, head, coaches.map(\.person.iin)) }
        }
        return nil
    }

    /// A person as the provider's admin would type them: the true names.
    static func person(_ iin: IIN) -> [String: Any] {
        let truth = population.person(iin)!
        var object: [String: Any] = ["iin": iin.unmasked, "surname": truth.surname, "firstName": truth.firstName]
        if let patronymic = truth.patronymic { object["patronymic"] = patronymic }
        return object
    }

    static func check(bin: String, head: IIN?, coaches: [IIN], section: String = "ART", requestId: String? = nil) -> [String: Any] {
        var body: [String: Any] = ["provider": ["bin": bin], "sectionType": section, "coaches": coaches.map(person)]
        if let head { body["head"] = person(head) }
        if let requestId { body["requestId"] = requestId }
        return body
    }

    static func codes(_ document: [String: Any]) -> [String] {
        (document["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
    }

    static func requirements(_ document: [String: Any]) -> [[String: Any]] {
        document["requirements"] as? [[String: Any]] ?? []
    }

    static func post(_ client: some TestClientProtocol, key: String, _ body: [String: Any]) async throws -> TestResponse {
        try await client.execute(uri: "/v1/provider-checks", method: .post, headers: GatewayEndToEndTests.headers(key), body: GatewayEndToEndTests.json(body))
    }

    // MARK: - Decisions

    @Test("an active art school with qualifying coaches is QUALIFIED: every requirement PASSED with registry message ids, identifiers masked, stored, replayed")
    func qualified() async throws {
        let school = try #require(Self.qualifiedArtSchool(), "no active art school with a qualifying coach in the population")
        let coaches = Array(school.coaches.prefix(3))
        try await Self.withWorld { world, router in
            try await Application(router: router).test(.router) { client in
                let body = Self.check(bin: school.bin.text, head: school.head, coaches: coaches, requestId: "pc-qualified")
                let response = try await Self.post(client, key: world.providerAdmin, body)
                #expect(response.status == .created)
                let document = GatewayEndToEndTests.object(response)
                #expect(document["decision"] as? String == "QUALIFIED", "reasons: \(Self.codes(document))")
                #expect(document["kind"] as? String == "provider-check")
                #expect(Self.codes(document).isEmpty)
                let results = Self.requirements(document)
                #expect(results.count == 2 + 4 * coaches.count)
                for result in results {
                    #expect(result["status"] as? String == "PASSED", "\(result)")
                    let messageIDs = (result["evidence"] as? [[String: Any]] ?? []).compactMap { $0["messageId"] as? String }
                    #expect(!messageIDs.isEmpty, "\(result)")
                }
                let coachIndexes = Set(results.compactMap { $0["coachIndex"] as? Int })
                #expect(coachIndexes == Set(0..<coaches.count))
                let head = try #require(results.first { $0["requirement"] as? String == "HEAD_IDENTITY" })
                #expect(head["identifier"] as? String == school.head.masked)
                let text = String(buffer: response.body)
                for iin in [school.head] + coaches { #expect(!text.contains(iin.unmasked)) }
                #expect(document["reviewId"] == nil)

                let id = try #require(document["decisionId"] as? String)
                let fetched = try await client.execute(uri: "/v1/decisions/\(id)", method: .get, headers: GatewayEndToEndTests.headers(world.providerAdmin))
                #expect(fetched.status == .ok)
                #expect(GatewayEndToEndTests.object(fetched)["decision"] as? String == "QUALIFIED")
                #expect(Self.requirements(GatewayEndToEndTests.object(fetched)).count == results.count)

                let replay = try await Self.post(client, key: world.providerAdmin, body)
                #expect(replay.status == .ok)
                #expect(replay.headers[HTTPFields.Element.Name("Idempotent-Replayed")!] == "true")
                #expect(GatewayEndToEndTests.object(replay)["decisionId"] as? String == id)
                var changed = body
                changed["sectionType"] = "SPORT"
                let reused = try await Self.post(client, key: world.providerAdmin, changed)
                #expect(reused.status == .conflict)
                #expect(GatewayEndToEndTests.object(reused)["code"] as? String == "REQUEST_ID_REUSED")
            }
        }
    }

    @Test("a liquidated provider is NOT_QUALIFIED: ENTITY_ACTIVE FAILED with PROVIDER_INACTIVE and the business registry's message id")
    func liquidated() async throws {
        let entity = try #require(Self.population.business.legalEntities.first { $0.status.rawValue == "LIQUIDATED" && $0.headIIN != nil })
        let coach = try #require(Self.population.education.educators.first { Self.qualifiesForArt($0) })
        try await Self.withWorld { world, router in
            try await Application(router: router).test(.router) { client in
                let response = try await Self.post(client, key: world.operatorKey, Self.check(bin: entity.bin.text, head: entity.headIIN, coaches: [coach.person.iin]))
                #expect(response.status == .created)
                let document = GatewayEndToEndTests.object(response)
                #expect(document["decision"] as? String == "NOT_QUALIFIED")
                #expect(Self.codes(document).contains("PROVIDER_INACTIVE"))
                #expect(Self.codes(document).contains("PROVIDER_NOT_QUALIFIED"))
                let entityResult = try #require(Self.requirements(document).first { $0["requirement"] as? String == "ENTITY_ACTIVE" })
                #expect(entityResult["status"] as? String == "FAILED")
                #expect(entityResult["reasonCode"] as? String == "PROVIDER_INACTIVE")
                #expect((entityResult["messageRu"] as? String)?.isEmpty == false)
                #expect((entityResult["messageKk"] as? String)?.isEmpty == false)
                let evidence = try #require((entityResult["evidence"] as? [[String: Any]])?.first)
                #expect(evidence["registry"] as? String == "business")
                #expect((evidence["messageId"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("business registry down: REVIEW with REGISTRY_UNAVAILABLE (never QUALIFIED or NOT_QUALIFIED), queued for review, resolved as a provider check")
    func registryDown() async throws {
        let school = try #require(Self.qualifiedArtSchool())
        try await Self.withWorld { world, router in
            world.mocks.setFaults(FaultConfiguration(mode: .http500), for: .business)
            try await Application(router: router).test(.router) { client in
                let response = try await Self.post(client, key: world.operatorKey, Self.check(bin: school.bin.text, head: school.head, coaches: [school.coaches[0]]))
                #expect(response.status == .created)
                let document = GatewayEndToEndTests.object(response)
                #expect(document["decision"] as? String == "REVIEW")
                #expect(Self.codes(document).contains("REGISTRY_UNAVAILABLE"))
                #expect(!Self.codes(document).contains("PROVIDER_NOT_FOUND"))
                let entityResult = try #require(Self.requirements(document).first { $0["requirement"] as? String == "ENTITY_ACTIVE" })
                #expect(entityResult["status"] as? String == "UNKNOWN")
                #expect(entityResult["reasonCode"] as? String == "REGISTRY_UNAVAILABLE")
                let reviewID = try #require(document["reviewId"] as? String)

                let queue = try await client.execute(uri: "/v1/reviews?status=open", method: .get, headers: GatewayEndToEndTests.headers(world.operatorKey))
                #expect(String(buffer: queue.body).contains(reviewID))
                let wrongKind = try await client.execute(
                    uri: "/v1/reviews/\(reviewID)/resolve", method: .post, headers: GatewayEndToEndTests.headers(world.operatorKey),
                    body: GatewayEndToEndTests.json(["resolution": "ACTIVATE", "comment": "not a voucher"]))
                #expect(wrongKind.status == .unprocessableContent)
                let resolved = try await client.execute(
                    uri: "/v1/reviews/\(reviewID)/resolve", method: .post, headers: GatewayEndToEndTests.headers(world.operatorKey),
                    body: GatewayEndToEndTests.json(["resolution": "QUALIFIED", "comment": "licence checked on paper"]))
                #expect(resolved.status == .ok)
            }
        }
    }

    // MARK: - Refusals

    @Test("a registrar key is refused (403); bad identifiers are 422 naming the field; bad JSON is 400")
    func refusals() async throws {
        let school = try #require(Self.qualifiedArtSchool())
        var digits = Array(school.bin.text)
        digits[11] = Character(String((Int(String(digits[11]))! + 1) % 10))
        let badBIN = String(digits)
        try await Self.withWorld { world, router in
            try await Application(router: router).test(.router) { client in
                let good = Self.check(bin: school.bin.text, head: school.head, coaches: [school.coaches[0]])
                let forbidden = try await Self.post(client, key: world.registrar, good)
                #expect(forbidden.status == .forbidden)
                #expect(forbidden.problem?.type.hasSuffix("forbidden") == true)

                let bin = try await Self.post(client, key: world.providerAdmin, Self.check(bin: badBIN, head: school.head, coaches: [school.coaches[0]]))
                #expect(bin.status == .unprocessableContent)
                #expect(bin.headers[.contentType] == ProblemDetails.mediaType)
                #expect(bin.problem?.code?.hasPrefix("BIN_") == true)
                #expect(GatewayEndToEndTests.object(bin)["path"] as? String == "provider.bin")
                #expect(!bin.text.contains(badBIN))

                var coach = good
                coach["coaches"] = [["iin": "123456789012", "surname": "Сейткали"]]
                let coachIIN = try await Self.post(client, key: world.providerAdmin, coach)
                #expect(coachIIN.status == .unprocessableContent)
                #expect(coachIIN.problem?.code?.hasPrefix("IIN_") == true)
                #expect(GatewayEndToEndTests.object(coachIIN)["path"] as? String == "coaches[0].iin")

                var both = good
                both["provider"] = ["bin": school.bin.text, "iin": school.head.unmasked]
                let ambiguous = try await Self.post(client, key: world.providerAdmin, both)
                #expect(ambiguous.status == .unprocessableContent)
                #expect(ambiguous.problem?.code == "PROVIDER_ID_REQUIRED")

                var section = good
                section["sectionType"] = "CHESS"
                let unknownSection = try await Self.post(client, key: world.providerAdmin, section)
                #expect(unknownSection.status == .unprocessableContent)
                #expect(unknownSection.problem?.code == "SECTION_TYPE_INVALID")

                let notJSON = try await client.execute(
                    uri: "/v1/provider-checks", method: .post, headers: GatewayEndToEndTests.headers(world.providerAdmin), body: ByteBuffer(string: "{\"provider\": "))
                #expect(notJSON.status == .badRequest)
                #expect(notJSON.problem?.type.hasSuffix("invalid-json") == true)
                var missing = good
                missing["coaches"] = nil
                let missingCoaches = try await Self.post(client, key: world.providerAdmin, missing)
                #expect(missingCoaches.status == .badRequest)
                #expect(GatewayEndToEndTests.object(missingCoaches)["path"] as? String == "coaches")
            }
        }
    }
}
