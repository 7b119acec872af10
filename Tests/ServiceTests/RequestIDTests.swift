import Hummingbird
import HummingbirdTesting
import Service
import Storage
import Testing

@Suite struct RequestIDTests {
    @Test("a sane incoming X-Request-ID is echoed and written into problems and log lines")
    func echo() async throws {
        let gateway = TestGateway()
        try await gateway.app.test(.router) { client in
            var headers = HTTPFields()
            headers[RequestIDMiddleware.headerName] = "front-end:42.abc_DEF-1"
            try await client.execute(uri: "/v1/echo", method: .get, headers: headers) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[RequestIDMiddleware.headerName] == "front-end:42.abc_DEF-1")
                #expect(response.problem?.requestID == "front-end:42.abc_DEF-1")
            }
        }
        #expect(gateway.lines.all.contains { $0.contains(#""request_id":"front-end:42.abc_DEF-1""#) })
    }

    @Test("without X-Request-ID one is generated and echoed, different per request")
    func generated() async throws {
        let gateway = TestGateway()
        try await gateway.app.test(.router) { client in
            let first = try await client.execute(uri: "/health", method: .get) { $0.headers[RequestIDMiddleware.headerName] }
            let second = try await client.execute(uri: "/health", method: .get) { $0.headers[RequestIDMiddleware.headerName] }
            let id = try #require(first)
            #expect(id.count == 24)
            #expect(RequestIdentifier.isAcceptable(id))
            #expect(first != second)
        }
    }

    @Test("an unacceptable X-Request-ID is replaced", arguments: [
        "", String(repeating: "a", count: 129), "has space", "semi;colon", "850415300121", "req-850415300121-x", "кириллица",
    ])
    func replaced(_ incoming: String) async throws {
        #expect(!RequestIdentifier.isAcceptable(incoming))
        let gateway = TestGateway()
        try await gateway.app.test(.router) { client in
            var headers = HTTPFields()
            headers[RequestIDMiddleware.headerName] = incoming
            try await client.execute(uri: "/health", method: .get, headers: headers) { response in
                let echoed = try #require(response.headers[RequestIDMiddleware.headerName])
                #expect(echoed != incoming)
                #expect(RequestIdentifier.isAcceptable(echoed))
            }
        }
    }

    @Test("acceptable ids", arguments: ["a", "0123456789a", "01234567890", String(repeating: "z", count: 128), "A.b:c_d-e"])
    func acceptable(_ candidate: String) {
        #expect(RequestIdentifier.isAcceptable(candidate))
    }
}
