import Foundation
import Hummingbird
import NIOCore

/// Small builders for the Hummingbird responses of the REST mocks (each a ``MockHTTPReply`` as a `Response`).
enum HTTPAnswer {
    /// A SOAP/XML response (`text/xml; charset=utf-8`, as SOAP 1.1 requires).
    static func xml(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        MockHTTPReply.xml(bytes, status: status).response
    }

    /// A JSON response from an `Encodable` value.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        MockHTTPReply.json(value, status: status, headers: headers).response
    }

    /// An RFC 9457 problem document (`application/problem+json`).
    static func problem(_ status: HTTPResponse.Status, title: String, detail: String? = nil, headers: HTTPFields = [:]) -> Response {
        MockHTTPReply.problem(status, title: title, detail: detail, headers: headers).response
    }

    /// Plain text.
    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        MockHTTPReply.text(text, status: status).response
    }

    /// An empty response.
    static func empty(_ status: HTTPResponse.Status) -> Response {
        MockHTTPReply.empty(status).response
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
