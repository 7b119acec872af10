import Foundation
import Hummingbird
import HummingbirdTesting
import Service
import Storage
import Testing

@Suite struct ProblemTests {
    @Test("malformed JSON is 400 invalid-json as application/problem+json")
    func malformedJSON() async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/json", method: .post, headers: auth.bearer(.registrar), body: ByteBuffer(string: #"{"child": {"iin": "850415300121""#)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try #require(response.problem)
                #expect(problem.type == ProblemDetails.typeURI("invalid-json"))
                #expect(problem.status == 400)
                #expect(!response.text.contains("850415300121"))
            }
        }
    }

    @Test("a wrong type names the coding path but never the value sent")
    func typeMismatch() async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/json", method: .post, headers: auth.bearer(.registrar),
                body: ByteBuffer(string: #"{"child": {"iin": "850415300121", "age": "850415300121"}}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try #require(response.problem)
                #expect(problem.extensions["path"] == .string("child.age"))
                #expect(problem.detail?.contains("expected integer") == true)
                #expect(!response.text.contains("850415300121"))
                #expect(!response.text.contains("8504"))
            }
            try await client.execute(
                uri: "/v1/json", method: .post, headers: auth.bearer(.registrar), body: ByteBuffer(string: #"{"child": {"age": 7}}"#)
            ) { response in
                #expect(response.problem?.extensions["path"] == .string("child.iin"))
            }
        }
    }

    @Test("an unknown route is a 404 not-found problem")
    func unknownRoute() async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            for uri in ["/nowhere", "/v1/nowhere"] {
                try await client.execute(uri: uri, method: .get, headers: auth.bearer(.operator)) { response in
                    #expect(response.status == .notFound)
                    #expect(response.problem?.type == ProblemDetails.typeURI("not-found"))
                    #expect(response.problem?.requestID?.isEmpty == false)
                }
            }
        }
    }

    @Test("a known path with another method is 405 with Allow")
    func methodNotAllowed() async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/v1/decisions/abc", method: .delete, headers: auth.bearer(.operator)) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(response.problem?.type == ProblemDetails.typeURI("method-not-allowed"))
            }
            try await client.execute(uri: "/health", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
            }
        }
    }

    @Test("a body over the limit is 413: by Content-Length before reading, and while decoding")
    func payloadTooLarge() async throws {
        let gateway = TestGateway(configuration: .init(port: 0, maxRequestBodySize: 64))
        let large = #"{"child": {"iin": "x", "age": 1}, "padding": ""# + String(repeating: "a", count: 200) + #""}"#
        let small = #"{"child": {"iin": "x", "age": 1}}"#
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/v1/json", method: .post, headers: auth.bearer(.registrar), body: ByteBuffer(string: large)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.problem?.type == ProblemDetails.typeURI("payload-too-large"))
                #expect(response.problem?.extensions["limitBytes"] == .integer(64))
            }
            // Under the configured limit, over the 10 bytes the route decodes with: the decoder answers 413.
            try await client.execute(uri: "/v1/small", method: .post, headers: auth.bearer(.registrar), body: ByteBuffer(string: small)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.problem?.extensions["limitBytes"] == .integer(10))
            }
        }
        try await gateway.app.test(.live) { client in
            try await client.execute(uri: "/v1/json", method: .post, headers: auth.bearer(.registrar), body: ByteBuffer(string: large)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.problem?.type == ProblemDetails.typeURI("payload-too-large"))
            }
        }
    }

    @Test("an unexpected error is 500 without internals, logged by type only")
    func unexpectedError() async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/v1/boom", method: .get, headers: auth.bearer(.operator)) { response in
                #expect(response.status == .internalServerError)
                let problem = try #require(response.problem)
                #expect(problem.type == ProblemDetails.typeURI("internal-error"))
                #expect(!response.text.contains("ProbeFailure"))
                #expect(!response.text.contains("8504"))
                #expect(!response.text.contains("Жанна"))
            }
        }
        let log = gateway.lines.joined
        #expect(log.contains("ProbeFailure"))
        #expect(!log.contains("Жанна"))
        #expect(!log.contains("850415300121"))
    }

    @Test("store errors map to 404, 409 and 503", arguments: [
        (StoreError.notFound(kind: "decision", id: "d1"), 404), (.conflict("review already resolved"), 409),
        (.database("locked"), 503), (.payloadUnreadable(id: "d1"), 500),
    ])
    func storeErrors(_ error: StoreError, _ status: Int) {
        #expect(Int(ServiceProblem(storeError: error).status.code) == status)
    }

    @Test("a thrown ServiceProblem keeps its status, code, extensions and headers")
    func thrownProblem() async throws {
        let gateway = TestGateway { routes in
            routes.v1.get("down") { _, _ -> String in
                throw ServiceProblem.serviceUnavailable("The individuals registry does not answer.", code: "REGISTRY_UNAVAILABLE", retryAfter: .seconds(5))
            }
        }
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            try await client.execute(uri: "/v1/down", method: .get, headers: auth.bearer(.registrar)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                let problem = try #require(response.problem)
                #expect(problem.code == "REGISTRY_UNAVAILABLE")
                #expect(problem.extensions["retryAfterSeconds"] == .integer(5))
                #expect(problem.requestID == response.headers[RequestIDMiddleware.headerName])
            }
        }
    }

    @Test("problem details round-trip with extension members at the top level")
    func problemCoding() throws {
        let problem = ProblemDetails(
            type: ProblemDetails.typeURI("forbidden"), title: "Forbidden", status: 403, requestID: "abc",
            extensions: ["requiredRoles": .strings(["operator"]), "limitBytes": .integer(3), "type": .string("ignored")]
        )
        let data = try JSONEncoder().encode(problem)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["requiredRoles"] as? [String] == ["operator"])
        #expect(object["requestId"] as? String == "abc")
        #expect(object["type"] as? String == ProblemDetails.typeURI("forbidden"))
        var expected = problem
        expected.extensions.removeValue(forKey: "type")
        #expect(try JSONDecoder().decode(ProblemDetails.self, from: data) == expected)
    }

    @Test("problem details are masked even if a detail carries an IIN")
    func maskedDetail() {
        let details = ServiceProblem.badRequest("IIN 850415300121 is not allowed here").details(requestID: nil)
        #expect(details.detail == "IIN 8504******21 is not allowed here")
    }
}
