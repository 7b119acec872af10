public import Foundation

/// A decision as the store keeps it: indexed columns in clear (no personal data), the full decision document
/// (declared values, registry values, explanations, evidence) as an opaque payload the store encrypts at rest.
public struct StoredDecision: Sendable, Hashable {
    /// Decision id (`dec_` + 26 characters), unique.
    public var id: String
    /// The check that produced it.
    public var kind: DecisionKind
    /// ACTIVATE / REVIEW / REJECT (voucher), MATCH / REVIEW / MISMATCH (registration), QUALIFIED / … (provider).
    public var outcome: String
    /// Machine-readable reason codes, in the order the policy produced them.
    public var reasonCodes: [String]
    /// Keyed hashes of every IIN the decision is about (child, parent, coach …).
    public var subjects: [SubjectKey]
    /// The client's idempotency key; unique per `kind` when present.
    public var clientRequestID: String?
    /// SHA-256 hex of the canonical request, to tell a replay from a reused key with a different body.
    public var requestFingerprint: String?
    /// КАТО of the region the decision concerns (review queue filter), when known.
    public var regionKATO: String?
    /// Registry message ids the decision relied on (audit search).
    public var registryMessageIDs: [String]
    /// When it was decided.
    public var createdAt: Date
    /// The decision document (JSON); encrypted at rest by the store, returned decrypted.
    public var payload: Data

    /// Creates a stored decision.
    public init(
        id: String, kind: DecisionKind, outcome: String, reasonCodes: [String], subjects: [SubjectKey], clientRequestID: String? = nil,
        requestFingerprint: String? = nil, regionKATO: String? = nil, registryMessageIDs: [String] = [], createdAt: Date, payload: Data
    ) {
        self.id = id
        self.kind = kind
        self.outcome = outcome
        self.reasonCodes = reasonCodes
        self.subjects = subjects
        self.clientRequestID = clientRequestID
        self.requestFingerprint = requestFingerprint
        self.regionKATO = regionKATO
        self.registryMessageIDs = registryMessageIDs
        self.createdAt = createdAt
        self.payload = payload
    }
}
