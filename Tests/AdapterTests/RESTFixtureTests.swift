import Foundation
import Identifiers
import RegistryTransport
import Testing
import Verification
@testable import HealthAdapter
@testable import SMSAdapter

struct RESTFixtureTests {
    @Test("a recorded patient document maps to health facts")
    func patient() throws {
        let body = try Fixture.bytes("health-patient.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        let iin = try IIN(try #require(object["iin"] as? String))
        let result = HealthAdapter.classify(
            RegistryResponse(status: 200, headers: [(name: "Content-Type", value: "application/json")], body: body), iin: iin, requestId: "r1")
        let facts = try #require(result.record)
        #expect(facts.patient.iin == iin)
        #expect(facts.patient.birthDate != nil)
        #expect(result.evidence?.messageId == "r1")
        #expect(facts.attachment != nil || !facts.sportsClearances.isEmpty || !facts.dispensary.isEmpty || !facts.disabilities.isEmpty)
    }

    @Test("an answer about another IIN is invalidResponse")
    func otherIIN() throws {
        let body = try Fixture.bytes("health-patient.json")
        let result = HealthAdapter.classify(RegistryResponse(status: 200, body: body), iin: try IIN("850415300121"), requestId: "r1")
        #expect(result.outcome == .invalidResponse)
    }

    @Test("404 problem is notFound; 404 without a problem document or 5xx is unavailable")
    func statuses() throws {
        let iin = try IIN("850415300121")
        let problem = RegistryResponse(
            status: 404, headers: [(name: "Content-Type", value: "application/problem+json; charset=utf-8")], body: try Fixture.bytes("health-not-found.json"))
        #expect(HealthAdapter.classify(problem, iin: iin, requestId: "r").outcome == .notFound)
        #expect(HealthAdapter.classify(RegistryResponse(status: 404), iin: iin, requestId: "r").outcome == .unavailable)
        #expect(HealthAdapter.classify(RegistryResponse(status: 500), iin: iin, requestId: "r").outcome == .unavailable)
        #expect(HealthAdapter.classify(RegistryResponse(status: 200, body: Array("{\"iin\": \"".utf8)), iin: iin, requestId: "r").outcome == .invalidResponse)
    }

    @Test("a recorded SMS receipt maps to a receipt whose id is the evidence")
    func sms() throws {
        let result = SMSAdapter.classify(RegistryResponse(status: 201, body: try Fixture.bytes("sms-receipt.json")))
        let receipt = try #require(result.record)
        #expect(!receipt.id.isEmpty)
        #expect(result.evidence?.messageId == receipt.id)
        #expect(receipt.status == .accepted || receipt.status == .delivered)
        #expect(SMSAdapter.classify(RegistryResponse(status: 429)).outcome == .unavailable)
        #expect(SMSAdapter.classify(RegistryResponse(status: 201, body: Array("{\"id\": ".utf8))).outcome == .invalidResponse)
    }
}
