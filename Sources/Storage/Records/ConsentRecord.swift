public import Foundation

/// Consent to process a person's data, confirmed by a one-time code sent by SMS.
public struct ConsentRecord: Sendable, Hashable {
    /// Consent id (`cns_…`).
    public var id: String
    /// Keyed hash of the IIN the consent covers.
    public var subject: SubjectKey
    /// SHA-256 hex of (consent id + one-time code); the code itself is never stored.
    public var codeHash: String
    /// When the code was issued.
    public var createdAt: Date
    /// When the code stops working.
    public var expiresAt: Date
    /// Wrong codes tried so far.
    public var failedAttempts: Int
    /// When it was confirmed; `nil` while pending.
    public var confirmedAt: Date?
    /// SMS gateway message id of the code message, when sent.
    public var smsMessageID: String?

    /// Creates a consent record.
    public init(id: String, subject: SubjectKey, codeHash: String, createdAt: Date, expiresAt: Date, failedAttempts: Int = 0,
                confirmedAt: Date? = nil, smsMessageID: String? = nil) {
        self.id = id
        self.subject = subject
        self.codeHash = codeHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.failedAttempts = failedAttempts
        self.confirmedAt = confirmedAt
        self.smsMessageID = smsMessageID
    }
}
