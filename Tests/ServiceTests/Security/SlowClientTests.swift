import Foundation
import Hummingbird
import Logging
import HummingbirdTesting
import Prometheus
import Service
import Storage
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Slow and idle clients against the gateway application as `qorgan serve` builds it (issue 9, part 4): a
/// connection that dribbles its request head byte by byte ("slowloris"), or never sends one, is closed after the
/// idle timeout, and ordinary clients are served meanwhile.
@Suite struct SlowClientTests {
    /// A blocking loopback TCP connection.
    final class RawConnection {
        let descriptor: Int32

        init(port: Int) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        }

        deinit { close(descriptor) }

        /// Sends bytes; false once the server closed the connection.
        func send(_ text: String) -> Bool {
            var bytes = Array(text.utf8)
            return Glibc.send(descriptor, &bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count
        }

        /// What the server sends until it closes the connection (or `seconds` pass).
        func response(within seconds: Int) -> String {
            var timeout = timeval(tv_sec: seconds, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count <= 0 { break }
                received.append(contentsOf: buffer[0..<count])
            }
            return String(decoding: received, as: UTF8.self)
        }

        /// Whether the server has closed the connection (a read returns end-of-file or an error) within `seconds`.
        func closedByServer(within seconds: Int) -> Bool {
            var timeout = timeval(tv_sec: seconds, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count == 0 { return true }
                if count < 0 { return errno == ECONNRESET }
            }
        }
    }

    static func application(idleTimeout: Duration) throws -> (Application<RouterResponder<GatewayRequestContext>>, InMemoryAPIKeyStore) {
        var configuration = GatewayServiceConfiguration(port: 0)
        configuration.idleTimeout = idleTimeout
        let store = InMemoryAPIKeyStore([])
        let app = try buildGatewayApplication(configuration: configuration, apiKeys: store, metrics: PrometheusCollectorRegistry(), logger: .init(label: "slow"))
        return (app, store)
    }

    @Test("a slowloris head (one header byte a second) and a silent connection are closed after the idle timeout; others are served")
    func slowHeadIsCut() async throws {
        let (app, _) = try Self.application(idleTimeout: .seconds(2))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let clock = ContinuousClock()
            let start = clock.now
            let outcome: (Bool, Bool, Duration) = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                group.addTask {
                    let slow = try RawConnection(port: port)
                    _ = slow.send("GET /health HTTP/1.1\r\nHost: x\r\n")
                    // One more header byte a second for up to 20 s, as a slowloris client keeps a socket busy.
                    for byte in "X-Slow: aaaaaaaaaaaaaaaaaaaaaaa" {
                        try await Task.sleep(for: .seconds(1))
                        if !slow.send(String(byte)) { return (0, true) }
                    }
                    return (0, slow.closedByServer(within: 1))
                }
                group.addTask {
                    let silent = try RawConnection(port: port)
                    return (1, silent.closedByServer(within: 10))
                }
                var slowClosed = false
                var silentClosed = false
                for try await (which, closed) in group {
                    if which == 0 { slowClosed = closed } else { silentClosed = closed }
                }
                return (slowClosed, silentClosed, clock.now - start)
            }
            #expect(outcome.0, "the slowloris connection was still open after 20 s")
            #expect(outcome.1, "a connection that never sent a request was still open after 10 s")
            #expect(outcome.2 < .seconds(15), "closing took \(outcome.2)")
            // A new client is served at once (the test client's own idle connection was closed too, by design).
            let fresh = try RawConnection(port: port)
            #expect(fresh.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
            #expect(fresh.response(within: 5).hasPrefix("HTTP/1.1 200"))
        }
    }
}
