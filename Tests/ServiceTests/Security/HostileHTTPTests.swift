import Foundation
import Hummingbird
import HummingbirdTesting
import Service
import Storage
import Testing

/// Hostile request bodies against a live gateway on loopback (issue 9, part 4): JSON bombs, invalid UTF-8,
/// oversized and lying bodies, header floods. Each is refused with a 4xx problem (or the connection is closed),
/// never a 5xx, and the server answers the next ordinary request.
@Suite struct HostileHTTPTests {
    static func post(_ client: any TestClientProtocol, _ body: [UInt8], key: String) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(key)"
        headers[.contentType] = "application/json"
        return try await client.execute(uri: "/v1/json", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    static func stillServes(_ client: any TestClientProtocol, key: String) async throws {
        let response = try await post(client, Array(#"{"child":{"iin":"850415300121","age":7}}"#.utf8), key: key)
        #expect(response.status == .ok, "the server stopped answering ordinary requests")
    }

    @Test("JSON bombs (deep nesting, huge arrays, long numbers, many keys) are 4xx problems, and the server keeps serving")
    func jsonBombs() async throws {
        let gateway = TestGateway()
        let key = try #require(gateway.auth.keys[.registrar])
        let bombs: [(String, [UInt8])] = [
            ("nested arrays 100 000 deep", Array(String(repeating: "[", count: 100_000).utf8) + Array(String(repeating: "]", count: 100_000).utf8)),
            ("nested objects 50 000 deep", Array(String(repeating: #"{"a":"#, count: 50_000).utf8) + Array("1".utf8) + Array(String(repeating: "}", count: 50_000).utf8)),
            ("an array of 200 000 nulls", Array(("[" + Array(repeating: "null", count: 200_000).joined(separator: ",") + "]").utf8)),
            ("a 500 000-digit number", Array(#"{"child":{"iin":"1","age":"#.utf8) + Array(repeating: UInt8(ascii: "9"), count: 500_000) + Array("}}".utf8)),
            ("100 000 distinct keys", Array(("{" + (0..<100_000).map { #""k\#($0)":0"# }.joined(separator: ",") + "}").utf8)),
        ]
        try await gateway.app.test(.live) { client in
            for (name, body) in bombs {
                let response = try await Self.post(client, body, key: key)
                #expect((400..<500).contains(Int(response.status.code)), "\(name): \(response.status)")
                #expect(response.headers[.contentType] == ProblemDetails.mediaType, "\(name): not a problem document")
            }
            // Valid JSON, just expensive to unescape: read (the probe route takes any string), not a crash or a 5xx.
            let escapes = Array(#"{"child":{"iin":""#.utf8) + Array(String(repeating: #"\u0000"#, count: 100_000).utf8) + Array(#"","age":1}}"#.utf8)
            let response = try await Self.post(client, escapes, key: key)
            #expect(response.status.code < 500, "600 000 bytes of escapes: \(response.status)")
            try await Self.stillServes(client, key: key)
        }
    }

    @Test("invalid UTF-8, truncated JSON, a NUL byte and the wrong content type are 4xx problems")
    func malformedBodies() async throws {
        let gateway = TestGateway()
        let key = try #require(gateway.auth.keys[.registrar])
        let bodies: [(String, [UInt8])] = [
            ("invalid UTF-8 in a string", Array(#"{"child":{"iin":""#.utf8) + [0xFF, 0xFE, 0xC0, 0x80] + Array(#"","age":1}}"#.utf8)),
            ("an overlong UTF-8 encoding", Array(#"{"child":{"iin":"#.utf8) + [0x22, 0xE0, 0x80, 0xAF, 0x22] + Array(#","age":1}}"#.utf8)),
            ("a lone surrogate escape", Array(#"{"child":{"iin":"\ud800","age":1}}"#.utf8)),
            ("truncated", Array(#"{"child":{"iin":"8504"#.utf8)),
            ("a NUL byte", Array(#"{"child":{"iin":"85"#.utf8) + [0] + Array(#"04","age":1}}"#.utf8)),
            ("empty", []),
            ("UTF-16 with a byte-order mark", [0xFF, 0xFE] + Array(#"{"child":{}}"#.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
        ]
        try await gateway.app.test(.live) { client in
            for (name, body) in bodies {
                let response = try await Self.post(client, body, key: key)
                #expect((400..<500).contains(Int(response.status.code)), "\(name): \(response.status)")
            }
            try await Self.stillServes(client, key: key)
        }
    }

    @Test("a Content-Length over the limit is refused before the body is read; the server keeps serving")
    func lyingContentLength() async throws {
        let gateway = TestGateway()
        let key = try #require(gateway.auth.keys[.registrar])
        try await gateway.app.test(.live) { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(key)"
            headers[.contentType] = "application/json"
            let big = ByteBuffer(repeating: UInt8(ascii: " "), count: 3 << 20)
            let response = try await client.execute(uri: "/v1/json", method: .post, headers: headers, body: big)
            #expect(response.status == .contentTooLarge)
            try await Self.stillServes(client, key: key)
        }
    }
}
