/// Sends text messages.
///
/// Sending is not idempotent: implementations must not retry a send whose outcome is unknown. The result is never
/// `.notFound`; `.found` carries the receipt.
public protocol SMSGateway: Sendable {
    /// Sends `message`; `.found(receipt)` once the gateway accepted it.
    func send(_ message: SMSMessage, within deadline: Deadline) async -> RegistryResult<SMSReceipt>
}
