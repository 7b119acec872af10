public import Verification

/// One fact that is no longer as it was when the voucher activated, with the registry answer that shows it.
/// Values carry no personal data (codes, statuses, КАТО).
public struct FactChange: Sendable, Hashable, Codable {
    /// Which fact, e.g. `child.lifeStatus`, `child.region`, `child.enrolment`, `provider.status`, `child.healthCategory`.
    public var fact: String
    /// The reason code the change produced.
    public var reason: String
    /// The value now, e.g. `DECEASED`, a КАТО, `EXPELLED`, `LIQUIDATED`, `NOT_FOUND`, `REMOVED`.
    public var now: String?
    /// The registry that stated it, when a registry did.
    public var registry: RegistryName?
    /// The registry's message id the change rests on.
    public var messageId: String?

    /// Creates a change.
    public init(fact: String, reason: String, now: String? = nil, registry: RegistryName? = nil, messageId: String? = nil) {
        self.fact = fact
        self.reason = reason
        self.now = now
        self.registry = registry
        self.messageId = messageId
    }
}
