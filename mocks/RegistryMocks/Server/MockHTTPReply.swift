import Foundation
import Hummingbird
import NIOCore

/// One mock HTTP answer, independent of the server that sends it: Hummingbird for the REST mocks
/// (``response``), ``SOAPMockServer`` for the SOAP mocks.
struct MockHTTPReply: Sendable {
    /// The status.
    var status: HTTPResponse.Status
    /// Header fields other than `Content-Length`, which the server sets.
    var headers: HTTPFields
    /// The body.
    var body: [UInt8]

    /// The Hummingbird response carrying this answer.
    var response: Response {
        var fields = headers
        if body.isEmpty {
            fields[.contentLength] = "0"
            return Response(status: status, headers: fields)
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A SOAP/XML answer (`text/xml; charset=utf-8`, as SOAP 1.1 requires).
    static func xml(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> MockHTTPReply {
        MockHTTPReply(status: status, headers: xmlHeaders, body: bytes)
    }

    /// The header fields of every XML answer, built once (one SOAP answer per look-up).
    private static let xmlHeaders: HTTPFields = [.contentType: "text/xml; charset=utf-8"]

    /// A JSON answer from an `Encodable` value.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> MockHTTPReply {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return MockHTTPReply(status: status, headers: fields, body: (try? JSONCoding.encoder.encode(value)).map(Array.init) ?? Array("{}".utf8))
    }

    /// An RFC 9457 problem document (`application/problem+json`).
    static func problem(_ status: HTTPResponse.Status, title: String, detail: String? = nil, headers: HTTPFields = [:]) -> MockHTTPReply {
        let problem = Problem(type: "about:blank", title: title, status: Int(status.code), detail: detail)
        var fields = headers
        fields[.contentType] = "application/problem+json; charset=utf-8"
        return MockHTTPReply(status: status, headers: fields, body: (try? JSONCoding.encoder.encode(problem)).map(Array.init) ?? Array("{}".utf8))
    }

    /// Plain text.
    static func text(_ text: String, status: HTTPResponse.Status) -> MockHTTPReply {
        MockHTTPReply(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// An empty answer.
    static func empty(_ status: HTTPResponse.Status) -> MockHTTPReply {
        MockHTTPReply(status: status, headers: [:], body: [])
    }

    private struct Problem: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String?
    }
}
