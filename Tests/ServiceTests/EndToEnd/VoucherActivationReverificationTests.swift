import Foundation
import Hummingbird
import HummingbirdTesting
import Identifiers
import Population
import Service
import Storage
import Testing

/// `POST /v1/voucher-activations` with the optional section fields of issue 11 (type, schedule, coaches): an activated
/// voucher keeps its sealed re-verification subject; clients that send none of them keep working; bad values are refused.
@Suite(.serialized) struct VoucherActivationReverificationTests {
    /// A generous request deadline and registry timeout: the mocks answer quickly, but a loaded machine must not turn
    /// a slow scheduler into REGISTRY_UNAVAILABLE (REVIEW instead of ACTIVATE).
    static var service: GatewayServiceConfiguration {
        var configuration = GatewayServiceConfiguration.default
        configuration.requestDeadline = .seconds(60)
        return configuration
    }

    @Test("section type, schedule and coaches are kept (sealed) with the activated voucher")
    func keepsTheSubject() async throws {
        let declaration = GatewayEndToEndTests.honestDeclaration
        let coach = try #require(GatewayEndToEndTests.population.education.educators.first).person.iin.unmasked
        try await GatewayEndToEndTests.withWorld(service: Self.service, registryTimeoutMilliseconds: 30_000) { world, router in
            try await Application(router: router).test(.router) { client in
                var body = GatewayEndToEndTests.activation(declaration, requestId: "rv-1")
                body["section"] = [
                    "name": declaration.section, "requiresSportsClearance": false, "type": "SPORT",
                    "schedule": [["weekday": 2, "start": "16:00", "end": "17:30"]], "coaches": [coach],
                ]
                let created = try await client.execute(
                    uri: "/v1/voucher-activations", method: .post, headers: GatewayEndToEndTests.headers(world.registrar), body: GatewayEndToEndTests.json(body))
                #expect(created.status == .created)
                #expect(GatewayEndToEndTests.object(created)["decision"] as? String == "ACTIVATE")

                let day = try #require(CalendarDate(year: 2025, month: 10, day: 1))
                let kept = try await world.store.voucherSubjects(activeOn: day, activatedSince: nil, afterVoucherID: nil, limit: 10)
                #expect(kept.count == 1)
                let payload = try #require(kept.first).payload
                let subject = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
                let section = subject["section"] as? [String: Any]
                #expect(section?["type"] as? String == "SPORT")
                #expect((section?["schedule"] as? [[String: Any]])?.first?["start"] as? String == "16:00")
                #expect(subject["coachIINs"] as? [String] == [coach])
                #expect(subject["providerID"] as? String == declaration.providerID.filter(\.isNumber))
                #expect((subject["child"] as? [String: Any])?["iin"] as? String == declaration.childIIN.filter(\.isNumber))
            }
        }
    }

    @Test("without the new fields the request works as before and the subject is still kept")
    func oldClients() async throws {
        let declaration = GatewayEndToEndTests.honestDeclaration
        try await GatewayEndToEndTests.withWorld(service: Self.service, registryTimeoutMilliseconds: 30_000) { world, router in
            try await Application(router: router).test(.router) { client in
                let created = try await client.execute(
                    uri: "/v1/voucher-activations", method: .post, headers: GatewayEndToEndTests.headers(world.registrar),
                    body: GatewayEndToEndTests.json(GatewayEndToEndTests.activation(declaration, requestId: "rv-2")))
                #expect(created.status == .created)
                #expect(GatewayEndToEndTests.object(created)["decision"] as? String == "ACTIVATE")
                let day = try #require(CalendarDate(year: 2025, month: 10, day: 1))
                #expect(try await world.store.voucherSubjects(activeOn: day, activatedSince: nil, afterVoucherID: nil, limit: 10).count == 1)
            }
        }
    }

    @Test("a coach IIN that fails the check is 422 COACH_IIN_INVALID; a bad schedule or section type is 400")
    func refusesBadValues() async throws {
        let declaration = GatewayEndToEndTests.honestDeclaration
        try await GatewayEndToEndTests.withWorld(service: Self.service, registryTimeoutMilliseconds: 30_000) { world, router in
            try await Application(router: router).test(.router) { client in
                func send(_ section: [String: Any], _ id: String) async throws -> TestResponse {
                    var body = GatewayEndToEndTests.activation(declaration, requestId: id)
                    body["section"] = section
                    return try await client.execute(
                        uri: "/v1/voucher-activations", method: .post, headers: GatewayEndToEndTests.headers(world.registrar), body: GatewayEndToEndTests.json(body))
                }
                let badCoach = try await send(["name": "x", "coaches": ["123456789012"]], "rv-3")
                #expect(badCoach.status == .unprocessableContent)
                #expect(GatewayEndToEndTests.object(badCoach)["code"] as? String == "COACH_IIN_INVALID")
                let badSchedule = try await send(["name": "x", "schedule": [["weekday": 9, "start": "16:00", "end": "17:00"]]], "rv-4")
                #expect(badSchedule.status == .badRequest)
                let badType = try await send(["name": "x", "type": "CHESS"], "rv-5")
                #expect(badType.status == .badRequest)
                let day = try #require(CalendarDate(year: 2025, month: 10, day: 1))
                #expect(try await world.store.voucherSubjects(activeOn: day, activatedSince: nil, afterVoucherID: nil, limit: 10).isEmpty)
            }
        }
    }

    @Test("the OpenAPI document describes the optional section fields")
    func documented() throws {
        let text = try OpenAPIDocument.bundled().text
        for field in ["schedule:", "coaches:", "enum: [SPORT, ART, CULTURE]", "COACH_IIN_INVALID"] { #expect(text.contains(field)) }
    }
}
