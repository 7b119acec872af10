public import Foundation
public import Verification

/// One active voucher's re-verification: the new decision, the reasons and facts that changed, the evidence, the
/// cross-registry contradictions seen on the way, and the review opened for it. No IIN or name in clear.
public struct ReverificationResult: Sendable, Hashable, Codable {
    /// The voucher.
    public var voucherID: String
    /// OK, REVIEW or SUSPEND_SUGGESTED.
    public var outcome: ReverificationOutcome
    /// Reason codes beyond those the activation carried, in the order found.
    public var reasons: [String]
    /// The facts that changed, with their evidence.
    public var changes: [FactChange]
    /// Every registry message the new decision rests on.
    public var evidence: [RegistryEvidence]
    /// КАТО of the programme's region.
    public var regionKATO: String
    /// The provider (BIN, or IIN masked).
    public var provider: String
    /// The section's name.
    public var section: String
    /// Cross-registry contradictions about this voucher's child.
    public var contradictions: [Contradiction]
    /// The decision recorded for a flagged outcome.
    public var decisionID: String?
    /// The review opened for a flagged outcome.
    public var reviewID: String?
    /// When it was checked.
    public var checkedAt: Date

    /// Creates a result.
    public init(
        voucherID: String, outcome: ReverificationOutcome, reasons: [String], changes: [FactChange], evidence: [RegistryEvidence], regionKATO: String,
        provider: String, section: String, contradictions: [Contradiction], decisionID: String? = nil, reviewID: String? = nil, checkedAt: Date
    ) {
        self.voucherID = voucherID
        self.outcome = outcome
        self.reasons = reasons
        self.changes = changes
        self.evidence = evidence
        self.regionKATO = regionKATO
        self.provider = provider
        self.section = section
        self.contradictions = contradictions
        self.decisionID = decisionID
        self.reviewID = reviewID
        self.checkedAt = checkedAt
    }

    /// The JSON payload the store keeps.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        // Strings, numbers, dates and enums only: encoding cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Reads a stored payload.
    public static func decoded(_ data: Data) throws(ReverificationError) -> ReverificationResult {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        do { return try decoder.decode(ReverificationResult.self, from: data) } catch {
            throw ReverificationError(.storedDataUnreadable, "a stored re-verification result does not decode")
        }
    }
}
