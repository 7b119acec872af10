public import Foundation

/// A run's figures — the JSON summary and the HTML report's data. No personal data: providers as BIN (IINs masked),
/// regions as КАТО.
public struct ReverificationSummary: Sendable, Hashable, Codable {
    /// Counts for one region or provider.
    public struct Tally: Sendable, Hashable, Codable {
        /// Vouchers re-checked.
        public var vouchers: Int = 0
        /// Of which REVIEW or SUSPEND_SUGGESTED.
        public var flagged: Int = 0
        /// Of which SUSPEND_SUGGESTED.
        public var suspendSuggested: Int = 0
        /// Contradictions found.
        public var contradictions: Int = 0
        /// Anomalies naming it.
        public var anomalies: Int = 0

        /// An empty tally.
        public init() {}
    }

    /// The run.
    public var runID: String
    /// The day vouchers had to be active on.
    public var activeOn: String
    /// `--since`, when given.
    public var activatedSince: Date?
    /// Vouchers with a result.
    public var vouchers: Int
    /// Vouchers per outcome (`OK`, `REVIEW`, `SUSPEND_SUGGESTED`).
    public var outcomes: [String: Int]
    /// Flagged vouchers per new reason code.
    public var reasons: [String: Int]
    /// Contradictions per kind.
    public var contradictions: [String: Int]
    /// Anomalies per kind.
    public var anomalies: [String: Int]
    /// By region КАТО.
    public var regions: [String: Tally]
    /// By provider.
    public var providers: [String: Tally]
    /// Wall time of the invocation that finished the run, seconds.
    public var durationSeconds: Double
    /// Vouchers checked per second by that invocation.
    public var vouchersPerSecond: Double
    /// When that invocation started.
    public var startedAt: Date
    /// When it finished.
    public var finishedAt: Date

    /// Vouchers flagged (REVIEW or SUSPEND_SUGGESTED).
    public var flagged: Int { outcomes.filter { $0.key != ReverificationOutcome.ok.rawValue }.values.reduce(0, +) }

    /// The summary as pretty-printed JSON (sorted keys, ISO dates).
    public func jsonData() throws(ReverificationError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        do { return try encoder.encode(self) } catch { throw ReverificationError(.io, "the summary cannot be encoded") }
    }
}
