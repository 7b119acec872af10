public import Storage
public import Verification
import Foundation
import Identifiers
import Normalization

/// Tells each parent whose record needs them to act, by one SMS per batch, at most once even across resumes and
/// crashes: it claims the parent in the store first, then sends, then records the gateway's message id.
///
/// A crash between the claim and the send loses that SMS rather than doubling it; such claims stay without a
/// message id in the store. Parents are known by their IIN's keyed hash, or by their phone's when the IIN is unusable.
public struct CleansingNotifier: Sendable {
    private let store: any BatchStore
    private let protector: PersonalDataProtector
    private let sms: (any SMSGateway)?
    private let batchID: String
    private let configuration: CleansingJobConfiguration
    private var limiter: NotificationRateLimiter

    /// Creates a notifier for one batch. Without `sms`, or with `configuration.notify` off, it only counts.
    public init(store: any BatchStore, protector: PersonalDataProtector, sms: (any SMSGateway)?, batchID: String, configuration: CleansingJobConfiguration) {
        self.store = store
        self.protector = protector
        self.sms = sms
        self.batchID = batchID
        self.configuration = configuration
        limiter = NotificationRateLimiter(perSecond: configuration.notificationsPerSecond)
    }

    /// Notifies the parent of `row` if it needs to act and has not been notified in this batch.
    public mutating func handle(_ row: CleansingResultRow) async throws(StoreError) -> NotificationOutcome {
        guard let decision = row.decision, let text = CleansingNotificationText.text(for: decision), row.phoneCheck == .valid,
            let phone = try? PhoneNumber(row.phone)
        else { return .notNeeded }
        // The same record twice (e.g. one row per child) is the platform's to merge, not the parent's to fix.
        if decision == .duplicate, row.reasonCodes.contains(ReasonCode.duplicateRow.rawValue) { return .notNeeded }
        guard configuration.notify, let sms else { return .wouldSend }
        let subject: SubjectKey
        if row.iinStatus == "VALID", let iin = try? IIN(row.iin) {
            subject = protector.subjectKey(for: iin)
        } else {
            subject = protector.subjectKey(forContact: phone.e164)
        }
        guard try await store.claimNotification(batchID: batchID, subject: subject, line: Int64(row.line), at: .now) else {
            return .alreadyNotified
        }
        do {
            try await limiter.acquire()
        } catch {
            return .failed  // cancelled while waiting: the claim stands, the SMS is not sent (at most once)
        }
        let message = SMSMessage(recipient: phone, text: text, sender: configuration.notificationSender)
        switch await sms.send(message, within: .after(configuration.notificationTimeout)) {
        case .found(let receipt, _):
            try await store.markNotificationSent(batchID: batchID, subject: subject, smsMessageID: receipt.id, at: .now)
            return .sent
        case .notFound, .unavailable, .invalidResponse:
            return .failed
        }
    }
}
