import Foundation
public import Hummingbird

/// The error routes and middleware throw to answer with an `application/problem+json` body: an HTTP status,
/// a short problem name (the last segment of the `type` URI), a title, an optional detail and machine code,
/// extension members and extra response headers (`Retry-After`, `WWW-Authenticate`, `Allow`).
///
/// The detail must never carry personal data or payload values; ``PersonalDataMasker`` is applied to it anyway
/// before it is written. The request id is added when the response is made.
///
/// ```swift
/// throw ServiceProblem(status: .unprocessableContent, type: "invalid-iin", title: "Invalid IIN",
///                      detail: "check digit does not match", code: "IIN_CHECKSUM")
/// throw ServiceProblem.serviceUnavailable(code: "REGISTRY_UNAVAILABLE", retryAfter: .seconds(5))
/// ```
///
/// Common problems have factories in `ServiceProblem+Catalogue.swift`; ``ProblemMiddleware`` maps every other
/// error (Hummingbird's `HTTPError`, `DecodingError`, `StoreError`, anything unexpected) to one of them.
public struct ServiceProblem: Error, Sendable, HTTPResponseError, CustomStringConvertible {
    /// The HTTP status of the answer.
    public var status: HTTPResponse.Status
    /// The short problem name, e.g. `invalid-json`; the `type` member is ``ProblemDetails/typeURI(_:)`` of it.
    public var type: String
    /// Short summary of the kind of problem.
    public var title: String
    /// This occurrence in words, without personal data or payload values.
    public var detail: String?
    /// A machine-readable code, e.g. `IIN_CHECKSUM` or `REGISTRY_UNAVAILABLE`.
    public var code: String?
    /// Extension members written next to the standard ones.
    public var extensions: [String: ProblemDetails.Member]
    /// Extra response headers, e.g. `Retry-After`.
    public var headers: HTTPFields

    /// Creates a problem.
    public init(
        status: HTTPResponse.Status, type: String, title: String, detail: String? = nil, code: String? = nil,
        extensions: [String: ProblemDetails.Member] = [:], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.code = code
        self.extensions = extensions
        self.headers = headers
    }

    /// The problem as an RFC 9457 document for the request with `requestID`; the detail is masked.
    public func details(requestID: String?) -> ProblemDetails {
        ProblemDetails(
            type: ProblemDetails.typeURI(type), title: title, status: Int(status.code),
            detail: detail.map(PersonalDataMasker.standard.mask), code: code, requestID: requestID, extensions: extensions
        )
    }

    /// The `application/problem+json` response, carrying the request id when the context is a
    /// ``GatewayRequestContext``.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let requestID = (context as? GatewayRequestContext)?.requestID
        return makeResponse(requestID: requestID)
    }

    /// The `application/problem+json` response for the request with `requestID`.
    public func makeResponse(requestID: String?) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a ProblemDetails (strings, integers and string lists only) cannot fail.
        let data = (try? encoder.encode(details(requestID: requestID))) ?? Data(#"{"status":500}"#.utf8)
        var fields = headers
        fields[.contentType] = ProblemDetails.mediaType
        fields[.contentLength] = String(data.count)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `status type: title` — no detail, so it is safe for metric labels and logs.
    public var description: String { "\(status.code) \(type): \(title)" }
}
