/// The SMS gateway's receipt for an accepted message.
public struct SMSReceipt: Sendable, Hashable, Codable {
    /// The gateway's message id (also the evidence's message id).
    public var id: String
    /// Delivery status at the time of the answer.
    public var status: SMSDeliveryStatus

    /// Creates a receipt.
    public init(id: String, status: SMSDeliveryStatus) {
        self.id = id
        self.status = status
    }
}

/// The delivery status of an SMS.
public struct SMSDeliveryStatus: RawRepresentable, Sendable, Hashable, Codable {
    /// The gateway's code.
    public var rawValue: String
    /// Creates a status from the gateway's code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Accepted by the gateway, not yet delivered.
    public static let accepted = SMSDeliveryStatus(rawValue: "ACCEPTED")
    /// Delivered to the handset.
    public static let delivered = SMSDeliveryStatus(rawValue: "DELIVERED")
    /// Delivery failed.
    public static let failed = SMSDeliveryStatus(rawValue: "FAILED")
}
