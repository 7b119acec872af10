import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
import XMLSupport
struct FaultInjectionTests {
    static func personCall(_ mocks: RunningMocks, timeout: TimeInterval = 10) async throws -> TestHTTP.Result {
        let request = MockFixture.request(serviceId: mocks.serviceIds.person, value: MockFixture.knownPerson.person.iin.unmasked, sender: mocks.senders[0])
        return try await MockFixture.post(try MockFixture.signed(request, mocks: mocks), to: .individuals, of: mocks, timeout: timeout)
    }

    static func errorCode(_ result: TestHTTP.Result) -> String? {
        (try? SyncChannelFault(envelope: try MockFixture.envelope(result)))??.errorInfo?.errorCode
    }

    @Test("fixed latency delays the answer by at least the configured time")
    func latency() async throws {
        var configuration = MockRegistriesConfiguration()
        configuration.faults[.individuals] = FaultConfiguration(latency: .fixed(milliseconds: 250))
        try await MockRegistries.withRunning(population: MockFixture.population, configuration: configuration) { mocks in
            let clock = ContinuousClock()
            let start = clock.now
            let status = try await Self.personCall(mocks).status
            #expect(status == 200)
            let elapsed = clock.now - start
            #expect(elapsed >= .milliseconds(250))
            #expect(elapsed < .seconds(5))
        }
    }

    @Test("error and soapFault modes answer SyncChannel faults; REST mocks answer 500")
    func errors() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            mocks.setFaults(FaultConfiguration(mode: .error), for: .individuals)
            let error = try await Self.personCall(mocks)
            #expect(error.status == 500)
            #expect(Self.errorCode(error) == "MOCK-INTERNAL")

            mocks.setFaults(FaultConfiguration(mode: .soapFault, faultCode: "BUS-042", faultMessage: "Провайдер недоступен"), for: .individuals)
            let fault = try await Self.personCall(mocks)
            #expect(Self.errorCode(fault) == "BUS-042")

            mocks.setFaults(FaultConfiguration(mode: .http500), for: .individuals)
            let plain = try await Self.personCall(mocks)
            #expect(plain.status == 500)
            #expect(plain.header("Content-Type")?.hasPrefix("text/plain") == true)

            mocks.setFaults(FaultConfiguration(mode: .error), for: .sms)
            #expect(try await TestHTTP.send("GET", mocks.baseURL(.sms) + "/api/v1/messages/x").status == 500)
        }
    }

    @Test("the error rate is applied per request from the seed, so the same seed replays the same failures")
    func seededRate() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            func run() async throws -> [Bool] {
                mocks.setFaults(FaultConfiguration(mode: .http500, rate: 0.5, seed: 42), for: .sms)
                var outcomes: [Bool] = []
                for _ in 0..<16 {
                    outcomes.append(try await TestHTTP.send("GET", mocks.baseURL(.sms) + "/api/v1/messages/x").status == 500)
                }
                return outcomes
            }
            let first = try await run()
            #expect(try await run() == first)
            #expect(first.contains(true) && first.contains(false))
        }
    }

    @Test("429 carries Retry-After")
    func tooManyRequests() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            mocks.setFaults(FaultConfiguration(mode: .tooManyRequests, retryAfterSeconds: 7), for: .individuals)
            let result = try await Self.personCall(mocks)
            #expect(result.status == 429)
            #expect(result.header("Retry-After") == "7")
        }
    }

    @Test("malformed XML is a 200 whose body does not parse")
    func malformed() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            mocks.setFaults(FaultConfiguration(mode: .malformedXML), for: .individuals)
            let result = try await Self.personCall(mocks)
            #expect(result.status == 200)
            #expect(throws: (any Error).self) { try MockFixture.envelope(result) }
        }
    }

    @Test("a wrongly signed response fails verification against the published certificate")
    func wrongSignature() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            mocks.setFaults(FaultConfiguration(mode: .wrongSignature), for: .individuals)
            let result = try await Self.personCall(mocks)
            #expect(result.status == 200)
            let verifier = try WSSecurityVerifier(configuration: .init(trustedCertificates: [mocks.signingCertificate]))
            #expect(throws: SOAPError.untrustedCertificate) { try verifier.verify(try MockFixture.envelope(result)) }
        }
    }

    @Test("hang holds the request past the client's timeout")
    func hang() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            mocks.setFaults(FaultConfiguration(mode: .hang, hangSeconds: 3), for: .individuals)
            let clock = ContinuousClock()
            let start = clock.now
            await #expect(throws: (any Error).self) { try await Self.personCall(mocks, timeout: 0.5) }
            #expect(clock.now - start < .seconds(2.5))
        }
    }

    @Test("connection reset closes the connection without a response")
    func connectionReset() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            mocks.setFaults(FaultConfiguration(mode: .connectionReset), for: .individuals)
            await #expect(throws: (any Error).self) { try await Self.personCall(mocks, timeout: 5) }
        }
    }

    @Test(
        "connection reset is a TCP reset: the client reads ECONNRESET, not an end of stream (SOAP server and REST server)",
        arguments: [(MockRegistryName.individuals, "/"), (.sms, "/api/v1/messages")])
    func connectionResetIsRST(registry: MockRegistryName, path: String) async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            mocks.setFaults(FaultConfiguration(mode: .connectionReset), for: registry)
            let port = try #require(URLComponents(string: mocks.baseURL(registry))?.port)
            let request = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: 5\r\n\r\n<a/>\n"
            #expect(try RawTCP.exchange(port: port, request: request) == .reset)
        }
    }

    @Test("the control endpoint sets, reads and resets faults over HTTP")
    func controlEndpoint() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let control = mocks.baseURL(.individuals) + "/_control/faults"
            let set = try await TestHTTP.send(
                "POST", control, body: Data(#"{"mode":"tooManyRequests","retryAfterSeconds":3,"latency":{"kind":"uniform","minimumMilliseconds":1,"maximumMilliseconds":5}}"#.utf8),
                headers: ["Content-Type": "application/json"])
            #expect(set.status == 200)
            #expect(mocks.faults(for: .individuals).mode == .tooManyRequests)
            #expect(try await Self.personCall(mocks).status == 429)
            let read = try await TestHTTP.send("GET", control)
            #expect(TestHTTP.object(read.body)["mode"] as? String == "tooManyRequests")
            #expect(try await TestHTTP.send("DELETE", control).status == 204)
            #expect(try await Self.personCall(mocks).status == 200)
            #expect(try await TestHTTP.send("POST", control, body: Data("{\"rate\": 7}".utf8)).status == 400)
        }
    }

    @Test("fault specifications parse per mock and reject nonsense")
    func specification() throws {
        let parsed = try FaultSpecification.parse("individuals:mode=soapFault,rate=0.25,latency=uniform:5-40,seed=7;health:mode=expiredToken;all:retryAfter=3")
        #expect(parsed[.individuals]?.mode == .soapFault)
        #expect(parsed[.individuals]?.rate == 0.25)
        #expect(parsed[.individuals]?.latency == .uniform(minimumMilliseconds: 5, maximumMilliseconds: 40))
        #expect(parsed[.individuals]?.seed == 7)
        #expect(parsed[.health]?.mode == .expiredToken)
        #expect(parsed[.sms]?.retryAfterSeconds == 3)
        #expect(parsed[.individuals]?.retryAfterSeconds == 3)
        #expect(throws: RegistryMocksError.invalidFaultSpecification) { try FaultSpecification.parse("nobody:mode=error") }
        #expect(throws: RegistryMocksError.invalidFaultSpecification) { try FaultSpecification.parse("sms:mode=explode") }
        #expect(throws: RegistryMocksError.invalidFaultSpecification) { try FaultSpecification.parse("sms:rate=2") }
    }
}
