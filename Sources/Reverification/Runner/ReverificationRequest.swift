public import Foundation
public import Identifiers

/// One run's scope and outputs.
public struct ReverificationRequest: Sendable, Hashable {
    /// Vouchers whose period has not ended on this day are re-checked (also the day ages are computed on).
    public var activeOn: CalendarDate
    /// Only vouchers activated at or after this instant (`--since`); `nil` for all.
    public var activatedSince: Date?
    /// Continue the newest unfinished run instead of starting a new one.
    public var resume: Bool
    /// Where to write every voucher's result as CSV, when wanted.
    public var resultsPath: String?
    /// Where to write the contradictions CSV, when wanted.
    public var contradictionsPath: String?
    /// Where to write the anomalies CSV, when wanted.
    public var anomaliesPath: String?
    /// Where to write the HTML report, when wanted.
    public var reportPath: String?
    /// Where to write the JSON summary, when wanted.
    public var summaryPath: String?

    /// Creates a request.
    public init(
        activeOn: CalendarDate, activatedSince: Date? = nil, resume: Bool = false, resultsPath: String? = nil, contradictionsPath: String? = nil,
        anomaliesPath: String? = nil, reportPath: String? = nil, summaryPath: String? = nil
    ) {
        self.activeOn = activeOn
        self.activatedSince = activatedSince
        self.resume = resume
        self.resultsPath = resultsPath
        self.contradictionsPath = contradictionsPath
        self.anomaliesPath = anomaliesPath
        self.reportPath = reportPath
        self.summaryPath = summaryPath
    }
}
