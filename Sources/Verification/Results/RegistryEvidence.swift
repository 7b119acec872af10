public import Foundation

/// What a registry answer rests on: which registry, which message, when.
///
/// Decisions and the audit log keep these instead of payloads, so a decision can be traced back to the exact
/// registry message it relied on. Carries no personal data.
public struct RegistryEvidence: Sendable, Hashable, Codable {
    /// The registry that answered.
    public var registry: RegistryName
    /// The registry's id of its answer (SyncChannel `responseInfo/messageId`, or the REST response's id or
    /// request id); never empty.
    public var messageId: String
    /// The id of our request the answer refers to (SyncChannel `correlationId`), when the registry echoes one.
    public var correlationId: String?
    /// The business result code the registry stated (e.g. `00000`, `00003`, an HTTP status for REST), when any.
    public var resultCode: String?
    /// When the answer was received (local clock).
    public var receivedAt: Date

    /// Creates evidence.
    public init(registry: RegistryName, messageId: String, correlationId: String? = nil, resultCode: String? = nil, receivedAt: Date = Date()) {
        self.registry = registry
        self.messageId = messageId
        self.correlationId = correlationId
        self.resultCode = resultCode
        self.receivedAt = receivedAt
    }
}
