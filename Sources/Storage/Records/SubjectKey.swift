/// A keyed hash of an IIN (HMAC-SHA-256 under the store's lookup key, hex): how the store finds a person's
/// decisions, vouchers and consents without holding the IIN in clear.
public struct SubjectKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Lower-case hex digest.
    public let hex: String

    /// Wraps a digest computed by `PersonalDataProtector.subjectKey(for:)`.
    public init(hex: String) { self.hex = hex }

    /// The first 12 hex digits (enough to correlate in logs, not to reverse).
    public var description: String { "subject:" + String(hex.prefix(12)) }
}
