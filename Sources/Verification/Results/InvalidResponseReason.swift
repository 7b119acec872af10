/// Why an answer that did arrive must not be used.
///
/// Compare with the static members (`reason == .badSignature`); ``shortDescription`` is a payload-free label.
public struct InvalidResponseReason: Sendable, Hashable, Codable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable, Codable {
        case signatureMissing = "signature_missing"
        case badSignature = "bad_signature"
        case untrustedSigner = "untrusted_signer"
        case malformed
        case unexpectedContent = "unexpected_content"
        case mismatchedRecord = "mismatched_record"
    }

    private let code: Code
    /// Extra detail without personal data (e.g. the SOAP layer's short description, the missing element's name).
    public let detail: String?

    private init(_ code: Code, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }

    /// The answer carried no signature although one is required.
    public static let signatureMissing = InvalidResponseReason(.signatureMissing)
    /// The signature did not verify (body modified, wrong value, bad shape).
    public static func badSignature(_ detail: String? = nil) -> InvalidResponseReason { InvalidResponseReason(.badSignature, detail: detail) }
    /// The answer was signed by a certificate outside the trust set (or outside its validity period).
    public static func untrustedSigner(_ detail: String? = nil) -> InvalidResponseReason { InvalidResponseReason(.untrustedSigner, detail: detail) }
    /// The answer could not be parsed (truncated XML or JSON, wrong envelope).
    public static func malformed(_ detail: String? = nil) -> InvalidResponseReason { InvalidResponseReason(.malformed, detail: detail) }
    /// The answer parsed but lacks a required element or holds an unknown code.
    public static func unexpectedContent(_ detail: String? = nil) -> InvalidResponseReason { InvalidResponseReason(.unexpectedContent, detail: detail) }
    /// The answer describes a different record than the one asked for (e.g. another IIN).
    public static let mismatchedRecord = InvalidResponseReason(.mismatchedRecord)

    /// A stable label without payload (`bad_signature`, `malformed`, …).
    public var shortDescription: String { code.rawValue }

    /// The label plus its detail.
    public var description: String { detail.map { "\(code.rawValue)(\($0))" } ?? code.rawValue }

    /// Equal when the kinds are equal; the detail is informative only.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }

    /// Hashes the kind only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
