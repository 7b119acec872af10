import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Service
import Storage
import Testing

@Suite struct OpenAPITests {
    /// Every route of issues 6 and 7.
    static let documented: Set<RouteTable.Route> = [
        .init(method: .post, path: "/v1/registrations/verify"), .init(method: .post, path: "/v1/voucher-activations"),
        .init(method: .post, path: "/v1/provider-checks"), .init(method: .get, path: "/v1/decisions/{id}"),
        .init(method: .get, path: "/v1/reviews"), .init(method: .post, path: "/v1/reviews/{id}/resolve"),
        .init(method: .post, path: "/v1/consents"), .init(method: .post, path: "/v1/consents/{id}/confirm"),
        .init(method: .post, path: "/v1/batches"), .init(method: .get, path: "/v1/batches/{id}"),
        .init(method: .get, path: "/v1/batches/{id}/results"), .init(method: .get, path: "/v1/batches/{id}/report"),
        .init(method: .get, path: "/health"), .init(method: .get, path: "/ready"), .init(method: .get, path: "/metrics"),
        .init(method: .get, path: "/openapi.yaml"),
    ]

    @Test("the bundled document lists every route of issues 6 and 7")
    func documentedOperations() throws {
        let document = try OpenAPIDocument.bundled()
        #expect(document.text.hasPrefix("openapi: 3.1.0"))
        #expect(document.operations == Self.documented)
    }

    @Test("GET /openapi.yaml serves the document as application/yaml")
    func served() async throws {
        let gateway = TestGateway()
        let document = try OpenAPIDocument.bundled()
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/yaml")
                #expect(response.text == document.text)
            }
        }
    }

    @Test("every route the infrastructure registers is documented; only business routes are still unserved")
    func infrastructureCoverage() throws {
        let gateway = TestGateway { _ in }
        let coverage = OpenAPICoverage(document: try OpenAPIDocument.bundled(), router: gateway.router)
        #expect(coverage.undocumented.isEmpty, "undocumented: \(coverage.undocumented)")
        #expect(coverage.unserved.allSatisfy { $0.path.hasPrefix("/v1/") })
        #expect(coverage.unserved.count == 12)
    }

    @Test("the gateway's full router documents every route and serves every documented operation, except the named pending ones")
    func fullRouterCoverage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-openapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteGatewayStore(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .generate())
        let dependencies = GatewayDependencies(registries: UnreachableRegistries.adapterSet, store: store, protector: store.personalData)
        let router = buildGatewayRouter(apiKeys: store, metrics: PrometheusCollectorRegistry()) { routes in
            GatewayAPI(dependencies: dependencies).register(on: routes)
        }
        let pending = Set(OpenAPICoverage.pendingOperations.keys)
        let coverage = OpenAPICoverage(document: try OpenAPIDocument.bundled(), router: router, pending: pending)
        #expect(coverage.isComplete, "\(coverage)")
        #expect(coverage.pending == pending)
        #expect(OpenAPICoverage.pendingOperations.values.allSatisfy { !$0.isEmpty })
        try store.close()
    }

    @Test("a pending operation that is served, or not documented, is stale and fails the check")
    func stalePending() {
        let batches = RouteTable.Route(method: .post, path: "/v1/batches")
        let ghost = RouteTable.Route(method: .get, path: "/v1/ghost")
        let served = OpenAPICoverage(documented: [batches], served: [batches], pending: [batches, ghost])
        #expect(served.stalePending == [batches, ghost])
        #expect(served.unserved.isEmpty)
        #expect(!served.isComplete)
        let waiting = OpenAPICoverage(documented: [batches], served: [], pending: [batches])
        #expect(waiting.pending == [batches])
        #expect(waiting.isComplete)
        #expect(!OpenAPICoverage(documented: [batches], served: []).isComplete)
    }

    @Test("a route added without documentation fails the coverage check")
    func undocumentedRouteIsCaught() throws {
        let gateway = TestGateway { routes in
            routes.v1.get("decisions/:id") { _, _ in "" }
            routes.v1.delete("decisions/:id") { _, _ in "" }
        }
        let coverage = OpenAPICoverage(document: try OpenAPIDocument.bundled(), router: gateway.router)
        #expect(coverage.undocumented == [.init(method: .delete, path: "/v1/decisions/{id}")])
        #expect(!coverage.unserved.contains(.init(method: .get, path: "/v1/decisions/{id}")))
        #expect(!coverage.isComplete)
    }

    @Test("operations are read from block YAML paths only")
    func parsing() {
        let document = OpenAPIDocument(text: """
            openapi: 3.1.0
            paths:
              /a/{id}:
                # a comment
                get:
                  summary: x
                parameters: []
                post:
                  responses: {}
              '/b':
                delete:
                  responses: {}
            components:
              schemas:
                get:
                  type: object
            """)
        #expect(document.operations == [.init(method: .get, path: "/a/{id}"), .init(method: .post, path: "/a/{id}"), .init(method: .delete, path: "/b")])
    }
}
