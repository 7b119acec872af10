public import Verification

/// One cross-registry contradiction found while re-checking a voucher. No personal data: the registries, a short
/// code-like detail and the message ids.
public struct Contradiction: Sendable, Hashable, Codable {
    /// What disagrees.
    public var kind: ContradictionKind
    /// The registries that disagree.
    public var registries: [RegistryName]
    /// What each says, e.g. `individuals=DECEASED education=STUDYING`.
    public var detail: String
    /// The registry messages it rests on.
    public var messageIds: [String]

    /// Creates a contradiction.
    public init(kind: ContradictionKind, registries: [RegistryName], detail: String, messageIds: [String]) {
        self.kind = kind
        self.registries = registries
        self.detail = detail
        self.messageIds = messageIds
    }
}
