public import Verification

/// A registry that gave no usable answer for a row: which one and what kind of failure (no payload).
public struct RegistryErrorNote: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The registry.
    public var registry: RegistryName
    /// A payload-free label: an `UnavailabilityReason` or `InvalidResponseReason` short description
    /// (`timeout`, `circuit_open`, `bad_signature`, …).
    public var kind: String

    /// Creates a note.
    public init(registry: RegistryName, kind: String) {
        self.registry = registry
        self.kind = kind
    }

    /// A note for a registry that was unavailable.
    public init(registry: RegistryName, unavailable reason: UnavailabilityReason) {
        self.init(registry: registry, kind: reason.shortDescription)
    }

    /// A note for a registry whose answer was invalid.
    public init(registry: RegistryName, invalid reason: InvalidResponseReason) {
        self.init(registry: registry, kind: "invalid_" + reason.shortDescription)
    }

    /// `individuals:timeout`.
    public var description: String { "\(registry.rawValue):\(kind)" }
}
