import Foundation

/// Accumulates a ``ReverificationSummary`` from results and anomalies, in constant memory per region and provider.
struct ReverificationSummaryBuilder {
    private(set) var vouchers = 0
    private var outcomes: [String: Int] = [:]
    private var reasons: [String: Int] = [:]
    private var contradictions: [String: Int] = [:]
    private var anomalies: [String: Int] = [:]
    private var regions: [String: ReverificationSummary.Tally] = [:]
    private var providers: [String: ReverificationSummary.Tally] = [:]

    mutating func add(_ result: ReverificationResult) {
        vouchers += 1
        outcomes[result.outcome.rawValue, default: 0] += 1
        if result.outcome.isFlagged { for reason in result.reasons { reasons[reason, default: 0] += 1 } }
        for contradiction in result.contradictions { contradictions[contradiction.kind.rawValue, default: 0] += 1 }
        func tally(_ tally: inout ReverificationSummary.Tally) {
            tally.vouchers += 1
            if result.outcome.isFlagged { tally.flagged += 1 }
            if result.outcome == .suspendSuggested { tally.suspendSuggested += 1 }
            tally.contradictions += result.contradictions.count
        }
        tally(&regions[result.regionKATO, default: .init()])
        tally(&providers[result.provider, default: .init()])
    }

    mutating func add(_ anomaly: ProviderAnomaly) {
        anomalies[anomaly.kind.rawValue, default: 0] += 1
        regions[anomaly.regionKATO, default: .init()].anomalies += 1
        for provider in anomaly.providers { providers[provider, default: .init()].anomalies += 1 }
    }

    func summary(runID: String, activeOn: String, activatedSince: Date?, checkedNow: Int, durationSeconds: Double, startedAt: Date, finishedAt: Date)
        -> ReverificationSummary
    {
        ReverificationSummary(
            runID: runID, activeOn: activeOn, activatedSince: activatedSince, vouchers: vouchers, outcomes: outcomes, reasons: reasons,
            contradictions: contradictions, anomalies: anomalies, regions: regions, providers: providers, durationSeconds: durationSeconds,
            vouchersPerSecond: durationSeconds > 0 ? Double(checkedNow) / durationSeconds : 0, startedAt: startedAt, finishedAt: finishedAt)
    }
}
