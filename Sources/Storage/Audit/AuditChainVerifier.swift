/// Checks an audit chain entry by entry, in sequence order, holding only the last entry seen: feed it pages of
/// any size, then compare with the chain head (last sequence and hash, stored apart from the entries).
///
/// An entry whose recomputed hash differs from its stored hash was **edited**. A sequence gap, or a stored
/// previous hash that differs from the previous entry's hash, means entries were **deleted** (or the chain was
/// rewritten) after the last good entry. A head beyond the last entry means the newest entries were deleted.
///
/// ```swift
/// var verifier = AuditChainVerifier()
/// for page in pages { if let broken = verifier.consume(page) { return broken } }
/// return verifier.finish(headSequence: head.sequence, headHash: head.hash)
/// ```
public struct AuditChainVerifier: Sendable {
    /// The last good entry's sequence (0 before the first).
    public private(set) var lastSequence: Int64 = 0
    /// The last good entry's hash (`AuditCanonicalForm.genesisHash` before the first).
    public private(set) var lastHash: String = AuditCanonicalForm.genesisHash

    /// A verifier at the start of the chain.
    public init() {}

    /// Checks the next entries (ascending sequence). Returns the first break, or `nil` when they all check out.
    public mutating func consume(_ entries: some Sequence<AuditEntry>) -> AuditChainStatus? {
        for entry in entries {
            if AuditCanonicalForm.hash(of: entry) != entry.hash { return .edited(sequence: entry.sequence) }
            if entry.sequence != lastSequence + 1 || entry.previousHash != lastHash { return .deleted(afterSequence: lastSequence) }
            lastSequence = entry.sequence
            lastHash = entry.hash
        }
        return nil
    }

    /// The verdict once every entry was consumed, given the chain head (`nil` when the head row is missing).
    ///
    /// - A head ahead of the last entry: the newest entries were deleted → `.deleted(afterSequence: last)`.
    /// - A head at the last entry with another hash: the last entry was rewritten → `.edited(sequence: last)`.
    /// - Entries beyond the head (appended without it, or the head was wound back): `.edited(sequence: head + 1)`.
    public func finish(headSequence: Int64?, headHash: String?) -> AuditChainStatus {
        guard let headSequence, let headHash else {
            return lastSequence == 0 ? .intact(entries: 0) : .deleted(afterSequence: lastSequence)
        }
        if headSequence > lastSequence { return .deleted(afterSequence: lastSequence) }
        if headSequence < lastSequence { return .edited(sequence: headSequence + 1) }
        if headHash != lastHash { return .edited(sequence: lastSequence) }
        return .intact(entries: lastSequence)
    }
}
