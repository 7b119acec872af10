public import Normalization

/// A text message to send through the SMS gateway.
///
/// The text may contain a one-time code: never log it.
public struct SMSMessage: Sendable, Hashable, CustomStringConvertible {
    /// The recipient's mobile number.
    public var recipient: PhoneNumber
    /// The text.
    public var text: String
    /// The sender name or short number, when not the gateway's default.
    public var sender: String?

    /// Creates a message.
    public init(recipient: PhoneNumber, text: String, sender: String? = nil) {
        self.recipient = recipient
        self.text = text
        self.sender = sender
    }

    /// `SMSMessage(<formatted length>)` — neither number nor text.
    public var description: String { "SMSMessage(\(text.count) characters)" }
}
