import Foundation
import Hummingbird
import NIOCore

/// Small builders for the mocks' HTTP responses.
enum HTTPAnswer {
    /// A SOAP/XML response (`text/xml; charset=utf-8`, as SOAP 1.1 requires).
    static func xml(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/xml; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    /// A JSON response from an `Encodable` value.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let bytes = (try? JSONCoding.encoder.encode(value)).map(Array.init) ?? Array("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// An RFC 9457 problem document (`application/problem+json`).
    static func problem(_ status: HTTPResponse.Status, title: String, detail: String? = nil, headers: HTTPFields = [:]) -> Response {
        let problem = Problem(type: "about:blank", title: title, status: Int(status.code), detail: detail)
        let bytes = (try? JSONCoding.encoder.encode(problem)).map(Array.init) ?? Array("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/problem+json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Plain text.
    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }

    /// An empty response.
    static func empty(_ status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentLength: "0"])
    }

    private struct Problem: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String?
    }
}

/// The JSON encoder and decoder every mock uses.
enum JSONCoding {
    /// Encoder with sorted keys (stable output) and unescaped slashes.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Plain decoder.
    static var decoder: JSONDecoder { JSONDecoder() }
}
