/// What happened to one row's notification.
public enum NotificationOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The row needs no SMS (fine, registry unavailable, deceased) or has no mobile number to send to.
    case notNeeded = "not_needed"
    /// A dry run: the SMS would have been sent.
    case wouldSend = "would_send"
    /// Sent now.
    case sent
    /// This parent was already notified in this batch (an earlier row, or a run before a resume).
    case alreadyNotified = "already_notified"
    /// Claimed, but the SMS gateway did not accept it; not retried (at most once).
    case failed
}
