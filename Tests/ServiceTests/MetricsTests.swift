import Hummingbird
import HummingbirdTesting
import Prometheus
import Service
import Storage
import Testing

@Suite struct MetricsTests {
    @Test("requests are counted per route template, method and status — never the concrete path")
    func perRouteTemplate() async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            for id in ["d-1", "d-2", "d-3"] {
                try await client.execute(uri: "/v1/decisions/\(id)", method: .get, headers: auth.bearer(.auditor)) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/v1/decisions/d-4", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/no/such/path", method: .get) { _ in }
            try await client.execute(uri: "/v1/decisions/d-5", method: .init("BREW")!) { _ in }

            let text = try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                return response.text
            }
            #expect(text.contains(#"qorgan_http_requests_total{route="/v1/decisions/{id}",method="GET",status="200"} 3"#))
            #expect(text.contains(#"qorgan_http_requests_total{route="/v1/decisions/{id}",method="GET",status="401"} 1"#))
            #expect(text.contains(#"qorgan_http_requests_total{route="unmatched",method="GET",status="404"} 1"#))
            #expect(text.contains(#"qorgan_http_requests_total{route="unmatched",method="OTHER",status="405"} 1"#))
            #expect(text.contains(#"qorgan_http_request_duration_seconds_count{route="/v1/decisions/{id}",method="GET"} 4"#))
            #expect(!text.contains("d-1"))
            #expect(!text.contains("/no/such/path"))
        }
    }

    @Test("swift-metrics users recording into the same registry appear on /metrics")
    func sharedRegistry() async throws {
        let gateway = TestGateway()
        gateway.registry.makeCounter(
            descriptor: .init(namespace: "qorgan", subsystem: "decision", metricName: "outcomes", unitName: "total", helpText: "test"),
            labels: [("outcome", "ACTIVATE")]
        ).increment(by: Int64(2))
        try await gateway.app.test(.router) { client in
            let text = try await client.execute(uri: "/metrics", method: .get) { $0.text }
            #expect(text.contains(#"qorgan_decision_outcomes_total{outcome="ACTIVATE"} 2"#))
        }
    }
}
