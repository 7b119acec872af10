/// An error answer as RFC 9457 `application/problem+json`: a stable `type`, a human `title`, the HTTP status
/// and a `detail` that never carries personal data, plus extension members (e.g. `path` of an invalid JSON body,
/// `requiredRoles` of a forbidden request) that are written at the top level of the JSON object.
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
    /// The request id, to find the log lines (JSON member `requestId`).
    public var requestID: String?
    /// Extension members (RFC 9457 §3.2), written next to the standard members. Names that collide with a
    /// standard member are ignored when encoding.
    public var extensions: [String: Member]

    /// Creates a problem.
    public init(
        type: String, title: String, status: Int, detail: String? = nil, code: String? = nil, requestID: String? = nil,
        extensions: [String: Member] = [:]
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.code = code
        self.requestID = requestID
        self.extensions = extensions
    }

    /// The `type` URI for a short problem name.
    public static func typeURI(_ name: String) -> String { "https://qorgan.kz/problems/" + name }

    /// The media type of problem bodies.
    public static let mediaType = "application/problem+json"

    // MARK: - Codable

    private struct MemberName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { self.stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static let standardMembers: Set<String> = ["type", "title", "status", "detail", "code", "requestId"]

    /// Decodes the standard members and keeps every other member as an extension.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MemberName.self)
        self.type = try container.decode(String.self, forKey: MemberName("type"))
        self.title = try container.decode(String.self, forKey: MemberName("title"))
        self.status = try container.decode(Int.self, forKey: MemberName("status"))
        self.detail = try container.decodeIfPresent(String.self, forKey: MemberName("detail"))
        self.code = try container.decodeIfPresent(String.self, forKey: MemberName("code"))
        self.requestID = try container.decodeIfPresent(String.self, forKey: MemberName("requestId"))
        var extensions: [String: Member] = [:]
        for key in container.allKeys where !Self.standardMembers.contains(key.stringValue) {
            extensions[key.stringValue] = try container.decode(Member.self, forKey: key)
        }
        self.extensions = extensions
    }

    /// Encodes the standard members, then the extensions at the same level.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MemberName.self)
        try container.encode(type, forKey: MemberName("type"))
        try container.encode(title, forKey: MemberName("title"))
        try container.encode(status, forKey: MemberName("status"))
        try container.encodeIfPresent(detail, forKey: MemberName("detail"))
        try container.encodeIfPresent(code, forKey: MemberName("code"))
        try container.encodeIfPresent(requestID, forKey: MemberName("requestId"))
        for (name, value) in extensions.sorted(by: { $0.key < $1.key }) where !Self.standardMembers.contains(name) {
            try container.encode(value, forKey: MemberName(name))
        }
    }
}
