import Foundation
import Hummingbird
import HummingbirdTesting
import Service
import Storage
import Testing

@Suite struct AuthenticationTests {
    @Test("no API key is 401 problem with WWW-Authenticate: Bearer")
    func missingKey() async throws {
        let gateway = TestGateway()
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/v1/echo", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(response.headers[.wwwAuthenticate]?.contains("invalid_token") == false)
                #expect(response.problem?.type == ProblemDetails.typeURI("unauthenticated"))
            }
        }
    }

    @Test("an unknown key is 401 with error=invalid_token")
    func unknownKey() async throws {
        let gateway = TestGateway()
        try await gateway.app.test(.router) { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer qk_not-a-key"
            try await client.execute(uri: "/v1/echo", method: .get, headers: headers) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.contains(#"error="invalid_token""#) == true)
                #expect(response.problem?.status == 401)
            }
        }
    }

    @Test("a valid key of the wrong role is 403 naming the roles that may", arguments: [APIKeyRecord.Role.registrar, .providerAdmin])
    func wrongRole(_ role: APIKeyRecord.Role) async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/v1/reviews", method: .get, headers: auth.bearer(role)) { response in
                #expect(response.status == .forbidden)
                let problem = try #require(response.problem)
                #expect(problem.type == ProblemDetails.typeURI("forbidden"))
                #expect(problem.extensions["requiredRoles"] == .strings(["operator", "auditor"]))
                #expect(problem.detail?.contains("operator") == true)
            }
        }
    }

    @Test("a key with a permitted role passes and the route sees its client", arguments: [APIKeyRecord.Role.operator, .auditor])
    func rightRole(_ role: APIKeyRecord.Role) async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/v1/reviews", method: .get, headers: auth.bearer(role)) { response in
                #expect(response.status == .ok)
                #expect(response.text == "reviews")
            }
            try await client.execute(uri: "/v1/echo", method: .get, headers: auth.bearer(role)) { response in
                #expect(response.text == role.rawValue)
            }
        }
    }

    @Test("X-API-Key works like the bearer token; the scheme is case-insensitive")
    func alternativeHeaders() async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            var headers = HTTPFields()
            headers[APIKeyCredential.apiKeyHeader] = auth.keys[.registrar]!
            try await client.execute(uri: "/v1/echo", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                #expect(response.text == "registrar")
            }
            var lowercase = HTTPFields()
            lowercase[.authorization] = "bearer \(auth.keys[.auditor]!)"
            try await client.execute(uri: "/v1/echo", method: .get, headers: lowercase) { response in
                #expect(response.text == "auditor")
            }
        }
    }

    @Test("a revoked key stops working once the cache entry expires (TTL zero: at once)")
    func revokedKey() async throws {
        let gateway = TestGateway(configuration: .init(port: 0, authenticationCacheTTL: .zero))
        let store = gateway.store
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/v1/echo", method: .get, headers: auth.bearer(.operator)) { response in
                #expect(response.status == .ok)
            }
            let id = try #require(try await store.keys().first { $0.role == .operator }?.id)
            try await store.revoke(id: id, at: Date(), audit: AuditDraft(actor: "test", action: "apikey.revoked", subjectID: id))
            try await client.execute(uri: "/v1/echo", method: .get, headers: auth.bearer(.operator)) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("found keys are cached: repeated requests look the key up once")
    func cachedLookups() async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/v1/echo", method: .get, headers: auth.bearer(.operator)) { response in
                    #expect(response.status == .ok)
                }
            }
        }
        #expect(gateway.store.lookupCount == 1)
    }

    @Test("a failing key store is 503, not 401")
    func storeDown() async throws {
        let gateway = TestGateway()
        gateway.store.fail(with: .database("disk I/O error"))
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/v1/echo", method: .get, headers: auth.bearer(.operator)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                #expect(response.problem?.code == "STORE_UNAVAILABLE")
            }
        }
    }

    @Test("operational routes need no key")
    func openRoutes() async throws {
        let gateway = TestGateway()
        try await gateway.app.test(.router) { client in
            for uri in ["/health", "/ready", "/metrics", "/openapi.yaml"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                }
            }
        }
    }

    @Test("keys hash to lowercase SHA-256 hex")
    func hashing() {
        #expect(APIKeyCredential.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
