public import Foundation

/// One message the SMS mock accepted, kept in memory for tests to inspect.
public struct SMSMessage: Sendable, Hashable, Codable {
    /// Delivery state as `GET /api/v1/messages/{id}` reports it.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Accepted, not yet delivered (within ``MockRegistriesConfiguration/smsDeliveryDelay``).
        case accepted = "ACCEPTED"
        /// Delivered to the handset.
        case delivered = "DELIVERED"
    }

    /// Id the gateway assigned (`POST` answer).
    public let id: String
    /// Recipient, `+7` and ten digits.
    public let to: String
    /// Sender name or short number. Default when the client sends none: `1414`.
    public let from: String
    /// Message text.
    public let text: String
    /// When the gateway accepted it.
    public let submittedAt: Date

    /// Creates a message record.
    public init(id: String, to: String, from: String, text: String, submittedAt: Date) {
        self.id = id
        self.to = to
        self.from = from
        self.text = text
        self.submittedAt = submittedAt
    }
}
