public import Foundation

/// What an audit entry records, before the store numbers, timestamps and chains it.
public struct AuditDraft: Sendable, Hashable {
    /// Who acted: an API key name, an operator login, or `system`.
    public var actor: String
    /// What happened, e.g. `decision.recorded`, `review.resolved`, `consent.confirmed`, `apikey.created`.
    public var action: String
    /// The object acted on (decision, review, consent id …).
    public var subjectID: String
    /// Registry message ids involved (searchable).
    public var registryMessageIDs: [String]
    /// Small non-personal details (outcome, reason codes …); never IINs or names.
    public var details: [String: String]

    /// Creates a draft.
    public init(actor: String, action: String, subjectID: String, registryMessageIDs: [String] = [], details: [String: String] = [:]) {
        self.actor = actor
        self.action = action
        self.subjectID = subjectID
        self.registryMessageIDs = registryMessageIDs
        self.details = details
    }
}

/// An appended audit entry: the draft plus its place in the hash chain.
public struct AuditEntry: Sendable, Hashable {
    /// 1, 2, 3 … without gaps.
    public var sequence: Int64
    /// When it was appended.
    public var recordedAt: Date
    /// The recorded facts.
    public var draft: AuditDraft
    /// The previous entry's hash (64 zeros for the first).
    public var previousHash: String
    /// SHA-256 hex over the previous hash and this entry's canonical serialisation.
    public var hash: String

    /// Creates an entry.
    public init(sequence: Int64, recordedAt: Date, draft: AuditDraft, previousHash: String, hash: String) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.draft = draft
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The outcome of walking the audit chain.
public enum AuditChainStatus: Sendable, Hashable {
    /// Every entry's hash and link checks out.
    case intact(entries: Int64)
    /// The entry with this sequence number was changed (its hash no longer matches its content).
    case edited(sequence: Int64)
    /// Entries are missing before this sequence number (a gap, or the link to the previous hash is broken).
    case deleted(afterSequence: Int64)
}

/// Which audit entries to list.
public struct AuditQuery: Sendable, Hashable {
    /// Entries about this object (decision id, review id …).
    public var subjectID: String?
    /// Entries citing this registry message id.
    public var registryMessageID: String?
    /// Page size. Default 100.
    public var limit: Int

    /// Creates a query.
    public init(subjectID: String? = nil, registryMessageID: String? = nil, limit: Int = 100) {
        self.subjectID = subjectID
        self.registryMessageID = registryMessageID
        self.limit = limit
    }
}
