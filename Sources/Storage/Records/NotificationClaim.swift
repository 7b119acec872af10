public import Foundation

/// A batch's claim to notify one parent: taken before the SMS is sent, so a parent is told at most once per batch
/// even when the job is killed and resumed.
public struct NotificationClaim: Sendable, Hashable {
    /// The batch.
    public var batchID: String
    /// Keyed hash of the parent's IIN.
    public var subject: SubjectKey
    /// The input line that led to the notification.
    public var line: Int64
    /// When the claim was taken.
    public var claimedAt: Date
    /// When the gateway accepted the SMS; `nil` when the send was not confirmed (it may or may not have gone out).
    public var sentAt: Date?
    /// The SMS gateway's message id, once sent.
    public var smsMessageID: String?

    /// Creates a claim record.
    public init(batchID: String, subject: SubjectKey, line: Int64, claimedAt: Date, sentAt: Date? = nil, smsMessageID: String? = nil) {
        self.batchID = batchID
        self.subject = subject
        self.line = line
        self.claimedAt = claimedAt
        self.sentAt = sentAt
        self.smsMessageID = smsMessageID
    }
}
