import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
import XMLSupport
struct HealthMockTests {
    static func token(_ mocks: RunningMocks) async throws -> String {
        let form = "grant_type=client_credentials&client_id=\(mocks.healthClient.clientId)&client_secret=\(mocks.healthClient.clientSecret)"
        let result = try await TestHTTP.send(
            "POST", mocks.baseURL(.health) + "/oauth/token", body: Data(form.utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded"])
        #expect(result.status == 200)
        let object = TestHTTP.object(result.body)
        #expect(object["token_type"] as? String == "Bearer")
        #expect((object["expires_in"] as? Int ?? 0) > 0)
        return try #require(object["access_token"] as? String)
    }

    @Test("a client-credentials token opens the patient resources; unknown IIN is a 404 problem")
    func tokenFlow() async throws {
        let patient = try #require(MockFixture.population.health.patients.first { $0.attachment != nil })
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let base = mocks.baseURL(.health) + "/api/v1/patients/"
            let token = try await Self.token(mocks)
            let auth = ["Authorization": "Bearer \(token)"]
            let whole = try await TestHTTP.send("GET", base + patient.person.iin.unmasked, headers: auth)
            #expect(whole.status == 200)
            let object = TestHTTP.object(whole.body)
            #expect(object["iin"] as? String == patient.person.iin.unmasked)
            #expect(object["surname"] as? String == patient.person.surname)
            #expect((object["attachment"] as? [String: Any])?["territorialSite"] as? Int == patient.attachment?.territorialSite)
            for part in ["attachment", "disabilities", "dispensary", "sports-clearances"] {
                #expect(try await TestHTTP.send("GET", base + patient.person.iin.unmasked + "/" + part, headers: auth).status == 200)
            }
            let missing = try await TestHTTP.send("GET", base + MockFixture.unknownIIN, headers: auth)
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect(try await TestHTTP.send("GET", base + "123", headers: auth).status == 400)
        }
    }

    @Test("missing, invalid and expired tokens, and wrong client secrets, get 401")
    func unauthorized() async throws {
        var configuration = MockRegistriesConfiguration()
        configuration.tokenLifetime = .milliseconds(300)
        let iin = try #require(MockFixture.population.health.patients.first).person.iin.unmasked
        try await MockRegistries.withRunning(population: MockFixture.population, configuration: configuration) { mocks in
            let url = mocks.baseURL(.health) + "/api/v1/patients/" + iin
            #expect(try await TestHTTP.send("GET", url).status == 401)
            let invalid = try await TestHTTP.send("GET", url, headers: ["Authorization": "Bearer not-a-token"])
            #expect(invalid.status == 401)
            #expect(invalid.header("WWW-Authenticate")?.contains("invalid_token") == true)

            // That a fresh token opens the resource is `tokenFlow`'s (default lifetime): with a 300 ms lifetime a loaded
            // machine can take longer than that between issue and use, so here only the expiry is asserted.
            let token = try await Self.token(mocks)
            try await Task.sleep(for: .milliseconds(450))
            let expired = try await TestHTTP.send("GET", url, headers: ["Authorization": "Bearer \(token)"])
            #expect(expired.status == 401)
            #expect(expired.header("WWW-Authenticate")?.contains("token expired") == true)

            let wrong = try await TestHTTP.send(
                "POST", mocks.baseURL(.health) + "/oauth/token",
                body: TestHTTP.json(["grant_type": "client_credentials", "client_id": mocks.healthClient.clientId, "client_secret": "nope"]),
                headers: ["Content-Type": "application/json"])
            #expect(wrong.status == 401)
            #expect(TestHTTP.object(wrong.body)["error"] as? String == "invalid_client")
        }
    }

    @Test("the expiredToken and invalidToken faults make a fresh token fail with 401")
    func tokenFaults() async throws {
        let iin = try #require(MockFixture.population.health.patients.first).person.iin.unmasked
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let url = mocks.baseURL(.health) + "/api/v1/patients/" + iin
            mocks.setFaults(FaultConfiguration(mode: .expiredToken), for: .health)
            let expiredToken = try await Self.token(mocks)
            mocks.setFaults(.none, for: .health)
            #expect(try await TestHTTP.send("GET", url, headers: ["Authorization": "Bearer \(expiredToken)"]).status == 401)

            let token = try await Self.token(mocks)
            mocks.setFaults(FaultConfiguration(mode: .invalidToken), for: .health)
            #expect(try await TestHTTP.send("GET", url, headers: ["Authorization": "Bearer \(token)"]).status == 401)
            mocks.setFaults(.none, for: .health)
            #expect(try await TestHTTP.send("GET", url, headers: ["Authorization": "Bearer \(token)"]).status == 200)
        }
    }
}
