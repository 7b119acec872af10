import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
import XMLSupport
struct SMSMockTests {
    @Test("an SMS is accepted with an id, reported delivered, and kept for inspection")
    func sendAndStatus() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let key = ["X-API-Key": mocks.smsAPIKey, "Content-Type": "application/json"]
            let sent = try await TestHTTP.send(
                "POST", mocks.baseURL(.sms) + "/api/v1/messages", body: TestHTTP.json(["to": "+77011234567", "text": "Код: 4821"]), headers: key)
            #expect(sent.status == 201)
            let id = try #require(TestHTTP.object(sent.body)["id"] as? String)
            let status = try await TestHTTP.send("GET", mocks.baseURL(.sms) + "/api/v1/messages/" + id, headers: key)
            #expect(status.status == 200)
            #expect(TestHTTP.object(status.body)["status"] as? String == "DELIVERED")
            #expect(mocks.sentMessages.map(\.text) == ["Код: 4821"])
            #expect(mocks.sentMessages.first?.from == "1414")

            let listed = try await TestHTTP.send("GET", mocks.baseURL(.sms) + "/_control/messages")
            #expect(listed.text.contains(id))
            #expect(try await TestHTTP.send("GET", mocks.baseURL(.sms) + "/api/v1/messages/nope", headers: key).status == 404)
            let bad = try await TestHTTP.send(
                "POST", mocks.baseURL(.sms) + "/api/v1/messages", body: TestHTTP.json(["to": "12345", "text": "x"]), headers: key)
            #expect(bad.status == 400)
            let unauthorized = try await TestHTTP.send(
                "POST", mocks.baseURL(.sms) + "/api/v1/messages", body: TestHTTP.json(["to": "+77011234567", "text": "x"]),
                headers: ["Content-Type": "application/json"])
            #expect(unauthorized.status == 401)
        }
    }
}
