import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The SOAP mocks' own HTTP server: routes, the body limit, kept-alive connections and a prompt, graceful stop.
struct SOAPMockServerTests {
    @Test("an unknown path is a 404 problem; GET / without ?wsdl describes the endpoint")
    func routes() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let missing = try await TestHTTP.send("GET", mocks.baseURL(.individuals) + "/nope")
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            let root = try await TestHTTP.send("GET", mocks.baseURL(.education) + "/")
            #expect(root.status == 200)
            #expect(root.text.contains("SyncChannel"))
        }
    }

    @Test("a SendMessage body over the limit is a client fault, MOCK-REQUEST-TOO-LARGE")
    func tooLarge() async throws {
        var configuration = MockRegistriesConfiguration.default
        configuration.maximumRequestBytes = 512
        try await MockRegistries.withRunning(population: MockFixture.population, configuration: configuration) { mocks in
            let request = MockFixture.request(serviceId: mocks.serviceIds.person, value: MockFixture.knownPerson.person.iin.unmasked, sender: mocks.senders[0])
            let result = try await MockFixture.post(try MockFixture.signed(request, mocks: mocks), to: .individuals, of: mocks)
            #expect(result.status == 500)
            let fault = try #require(try SyncChannelFault(envelope: try MockFixture.envelope(result)))
            #expect(fault.errorInfo?.errorCode == "MOCK-REQUEST-TOO-LARGE")
            #expect(fault.fault.code == .client)
        }
    }

    @Test("requests pipelined on one kept-alive connection are answered in order; stopping closes the idle connection at once")
    func keepAliveAndStop() async throws {
        let mocks = try await MockRegistries.start(population: MockFixture.population)
        let port = mocks.endpoint(.business).port
        let connection = try RawConnection(port: port)
        defer { connection.close() }
        let request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /?wsdl HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        try connection.write(Array(request.utf8))
        let answers = try connection.read(until: { String(decoding: $0, as: UTF8.self).contains("</wsdl:definitions>") })
        let text = String(decoding: answers, as: UTF8.self)
        #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
        let describe = try #require(text.range(of: "SyncChannel v10 endpoint"))
        let wsdl = try #require(text.range(of: "wsdl:definitions"))
        #expect(describe.lowerBound < wsdl.lowerBound)
        #expect(!text.lowercased().contains("connection: close"))

        let clock = ContinuousClock()
        let start = clock.now
        await mocks.shutdown(gracePeriod: .seconds(60))  // an idle connection left open would hold the stop this long
        #expect(clock.now - start < .seconds(30))
        #expect(try connection.read(until: { _ in false }).isEmpty)  // closed by the server: end of stream
    }
}

/// A blocking loopback TCP connection for reading raw HTTP/1.1 exchanges.
private final class RawConnection {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = try TestHTTP.connectedSocket(port: port, timeout: 5)
    }

    func write(_ bytes: [UInt8]) throws {
        let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard count == bytes.count else { throw TestHTTP.HTTPFailure(description: "write failed") }
    }

    /// Reads until `done` holds for what arrived, or the peer closes (then what arrived so far), or 5 s pass (error).
    func read(until done: ([UInt8]) -> Bool) throws -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !done(received) {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return received }
            guard count > 0 else { throw TestHTTP.HTTPFailure(description: "read failed or timed out") }
            received += buffer[0..<count]
        }
        return received
    }

    func close() { _ = Glibc.close(descriptor) }
}
