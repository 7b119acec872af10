/// An error answer as RFC 9457 `application/problem+json`: a stable `type`, a human `title`, the HTTP status
/// and a `detail` that never carries personal data.
public struct ProblemDetails: Sendable, Hashable, Codable {
    /// A URI naming the problem kind, e.g. `https://qorgan.kz/problems/invalid-iin`.
    public var type: String
    /// Short summary of the kind.
    public var title: String
    /// HTTP status code.
    public var status: Int
    /// This occurrence, in words (masked).
    public var detail: String?
    /// Machine-readable code, e.g. `IIN_CHECKSUM`.
    public var code: String?
    /// The request id, to find the log lines.
    public var requestID: String?

    /// Creates a problem.
    public init(type: String, title: String, status: Int, detail: String? = nil, code: String? = nil, requestID: String? = nil) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.code = code
        self.requestID = requestID
    }

    /// The `type` URI for a short problem name.
    public static func typeURI(_ name: String) -> String { "https://qorgan.kz/problems/" + name }
}
