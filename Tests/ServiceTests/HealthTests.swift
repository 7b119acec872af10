import Foundation
import Hummingbird
import HummingbirdTesting
import Service
import Storage
import Testing

@Suite struct HealthTests {
    @Test("/health is 200 {\"status\":\"ok\"}")
    func health() async throws {
        let gateway = TestGateway(readiness: [ReadinessCheck(name: "store") { .failed(reason: "down") }])
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok"}"#)
            }
        }
    }

    @Test("/ready is 200 when every check passes")
    func ready() async throws {
        let gateway = TestGateway(readiness: [
            ReadinessCheck(name: "store") { .ok }, ReadinessCheck(name: "registry.individuals") { .ok },
        ])
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
                let report = try JSONDecoder().decode(ReadinessReport.self, from: Data(response.body.readableBytesView))
                #expect(report.status == "ok")
                #expect(report.checks.map(\.name) == ["store", "registry.individuals"])
            }
        }
    }

    @Test("/ready is 503 naming the failed check and its reason")
    func notReady() async throws {
        let gateway = TestGateway(readiness: [
            ReadinessCheck(name: "store") { .ok },
            ReadinessCheck(name: "registry.individuals") { .failed(reason: "connection refused") },
        ])
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let report = try JSONDecoder().decode(ReadinessReport.self, from: Data(response.body.readableBytesView))
                #expect(report.status == "unavailable")
                #expect(report.checks[0].status == "ok")
                #expect(report.checks[1].status == "failed")
                #expect(report.checks[1].reason == "connection refused")
            }
        }
    }

    @Test("a check that hangs (ignoring cancellation) fails by timeout without holding /ready")
    func hangingCheck() async throws {
        let gateway = TestGateway(
            configuration: .init(port: 0, readinessCheckTimeout: .milliseconds(100)),
            readiness: [
                ReadinessCheck(name: "slow") {
                    // Ignores cancellation on purpose.
                    let until = ContinuousClock.now.advanced(by: .seconds(3))
                    while ContinuousClock.now < until { try? await Task.sleep(for: .milliseconds(50)) }
                    return .ok
                }
            ]
        )
        let start = ContinuousClock.now
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains("timed out"))
            }
        }
        #expect(start.duration(to: .now) < .seconds(2))
    }
}
