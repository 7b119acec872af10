import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Service
import Storage
import Testing

/// Every route of the gateway's full router × every credential (none, unknown key, revoked key, each role): the
/// answer must be what `openapi.yaml`'s `x-roles`/`security: []` say — 401 without a valid key, 403 naming the
/// documented roles for any other role, and neither for a documented role. A route registered without an access
/// rule in the document, or guarded differently from it, fails.
@Suite struct AuthorizationMatrixTests {
    /// A credential a request can carry.
    enum Credential: Hashable, CustomStringConvertible {
        case none
        case unknownKey
        case revokedKey
        case role(APIKeyRecord.Role)

        static var all: [Credential] { [.none, .unknownKey, .revokedKey] + APIKeyRecord.Role.allCases.map { .role($0) } }

        var description: String {
            switch self {
            case .none: "no key"
            case .unknownKey: "unknown key"
            case .revokedKey: "revoked key"
            case .role(let role): role.rawValue
            }
        }
    }

    /// A concrete request path for a template: each `{parameter}` becomes a fresh identifier.
    static func concretePath(_ template: String) -> String {
        template.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? "0f1e2d3c-\(UUID().uuidString.prefix(8).lowercased())" : String(segment)
        }.joined(separator: "/")
    }

    @Test("every route × every credential answers as openapi.yaml's access rules say")
    func matrix() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-authz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteGatewayStore(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .generate())
        let issuer = APIKeyIssuer()
        var keys: [Credential: String] = [:]
        for role in APIKeyRecord.Role.allCases {
            let issued = issuer.issue(name: "matrix-\(role.rawValue)", role: role)
            try await store.add(issued.record)
            keys[.role(role)] = issued.key
        }
        let revoked = issuer.issue(name: "matrix-revoked", role: .operator)
        try await store.add(revoked.record)
        try await store.revoke(id: revoked.record.id, at: Date(), audit: AuditDraft(actor: "test", action: "apikey.revoked", subjectID: revoked.record.id))
        keys[.revokedKey] = revoked.key
        keys[.unknownKey] = issuer.issue(name: "never-stored", role: .operator).key

        let dependencies = GatewayDependencies(registries: UnreachableRegistries.adapterSet, store: store, protector: store.personalData)
        var configuration = GatewayServiceConfiguration.default
        configuration.rateLimit.isEnabled = false
        let router = buildGatewayRouter(configuration: configuration, apiKeys: store, metrics: PrometheusCollectorRegistry()) { routes in
            GatewayAPI(dependencies: dependencies).register(on: routes)
        }
        let access = try OpenAPIDocument.bundled().operationAccess
        let routes = router.routes.map { RouteTable.Route(method: $0.method, path: $0.path.description) }
            .filter { route in !OpenAPICoverage.excludedPrefixes.keys.contains { route.path == $0 || route.path.hasPrefix($0 + "/") } }
        #expect(Set(routes).isSuperset(of: access.keys), "documented but not served: \(Set(access.keys).subtracting(routes))")
        #expect(routes.count >= 16, "the router serves \(routes.count) routes")

        let credentials = keys
        let checked = try await Application(router: router).test(.router) { client in
            var checked = 0
            for route in routes {
                let documented = route.method == .head ? access[.init(method: .get, path: route.path)] : access[route]
                guard let rule = documented else {
                    Issue.record("\(route) has no x-roles or security: [] in openapi.yaml")
                    continue
                }
                for credential in Credential.all {
                    var headers = HTTPFields()
                    if let key = credentials[credential] { headers[.authorization] = "Bearer \(key)" }
                    headers[.contentType] = "application/json"
                    let body: ByteBuffer? = route.method == .post ? ByteBuffer(string: "{}") : nil
                    let response = try await client.execute(uri: Self.concretePath(route.path), method: route.method, headers: headers, body: body)
                    checked += 1
                    let status = response.status.code
                    let cell = "\(route) as \(credential): \(status)"
                    switch rule {
                    case .open:
                        #expect(status != 401 && status != 403, "\(cell) — the route is documented as open")
                    case .roles(let roles):
                        switch credential {
                        case .none, .unknownKey, .revokedKey:
                            #expect(status == 401, "\(cell) — expected 401")
                        case .role(let role) where roles.contains(role.rawValue):
                            #expect(status != 401 && status != 403, "\(cell) — \(role.rawValue) is documented for this route")
                            #expect(status < 500 || status == 503, "\(cell) — a server error for an allowed role")
                        case .role:
                            #expect(status == 403, "\(cell) — expected 403")
                            if route.method != .head, status == 403 {
                                let problem = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                                let named = Set(problem?["requiredRoles"] as? [String] ?? [])
                                #expect(named == roles, "\(cell) — the 403 names \(named.sorted()), the document \(roles.sorted())")
                            }
                        }
                    }
                }
            }
            return checked
        }
        #expect(checked == routes.count * Credential.all.count)
        try store.close()
    }

    @Test("the access rules are read from the document: open, roles, and absent")
    func readsAccessRules() {
        let document = OpenAPIDocument(text: """
            openapi: 3.1.0
            paths:
              /v1/a:
                post:
                  operationId: a
                  x-roles: [registrar, provider-admin]
              /health:
                get:
                  security: []
              /v1/b:
                get:
                  operationId: b
            components:
              x-roles: [operator]
            """)
        let access = document.operationAccess
        #expect(access[.init(method: .post, path: "/v1/a")] == .roles(["registrar", "provider-admin"]))
        #expect(access[.init(method: .get, path: "/health")] == .open)
        #expect(access[.init(method: .get, path: "/v1/b")] == nil)
        #expect(access.count == 2)
    }
}
