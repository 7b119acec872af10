public import Foundation
public import Verification

/// The document stored (sealed) with a re-verification decision — what the review queue, `GET /v1/decisions/{id}`
/// and the operator console show about a flagged voucher. No IIN or name: the voucher id, the changed facts and the
/// contradictions with their registry message ids.
public struct ReverificationDecisionDocument: Sendable, Hashable, Codable {
    /// The document kind that tells a re-verification decision from the voucher gate's own.
    public static let kindName = "voucher-reverification"

    /// The decision id.
    public var decisionId: String
    /// Always ``kindName``.
    public var kind: String
    /// `REVIEW` or `SUSPEND_SUGGESTED`.
    public var decision: String
    /// The new reason codes.
    public var reasons: [String]
    /// The voucher re-checked.
    public var voucherId: String
    /// The run that re-checked it.
    public var runId: String
    /// The decision the voucher was activated on.
    public var activationDecisionId: String
    /// The facts that changed.
    public var changes: [FactChange]
    /// Cross-registry contradictions seen on the way.
    public var contradictions: [Contradiction]
    /// The registry message ids the decision rests on.
    public var evidence: [String]
    /// The review opened for it.
    public var reviewId: String
    /// When it was decided.
    public var decidedAt: Date

    /// Creates a document.
    public init(
        decisionId: String, decision: String, reasons: [String], voucherId: String, runId: String, activationDecisionId: String, changes: [FactChange],
        contradictions: [Contradiction], evidence: [String], reviewId: String, decidedAt: Date
    ) {
        self.decisionId = decisionId
        self.kind = Self.kindName
        self.decision = decision
        self.reasons = reasons
        self.voucherId = voucherId
        self.runId = runId
        self.activationDecisionId = activationDecisionId
        self.changes = changes
        self.contradictions = contradictions
        self.evidence = evidence
        self.reviewId = reviewId
        self.decidedAt = decidedAt
    }

    /// The stored form: sorted keys, ISO 8601 dates.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// The document in a decision's payload, or `nil` when the payload is another kind of decision.
    public static func decoded(_ payload: Data) -> ReverificationDecisionDocument? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let document = try? decoder.decode(Self.self, from: payload), document.kind == kindName else { return nil }
        return document
    }
}
