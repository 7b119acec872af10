public import Foundation
import Verification

/// Accumulates ``CleansingResultRow``s into a ``CleansingSummary``, in memory bounded by its configuration (not by
/// the number of rows): the runner adds each row as it is written, or re-adds the stored rows after a resume.
///
/// ```swift
/// var builder = CleansingSummaryBuilder()
/// for row in rows { builder.add(row) }
/// let summary = builder.summary(durationSeconds: 150, throughput: progress.throughput)
/// ```
public struct CleansingSummaryBuilder: Sendable {
    /// Limits that keep the builder's memory bounded. Every field documents its default.
    public struct Configuration: Sendable, Hashable {
        /// Masked correction examples kept. Default 10.
        public var maximumCorrectionExamples: Int
        /// Distinct regions counted apart; further ones are counted as `…`. Default 40.
        public var maximumRegions: Int
        /// Distinct reason codes counted apart; further ones are counted as `OTHER`. Default 200.
        public var maximumReasons: Int

        /// Creates a configuration; every argument defaults to the documented default.
        public init(maximumCorrectionExamples: Int = 10, maximumRegions: Int = 40, maximumReasons: Int = 200) {
            self.maximumCorrectionExamples = max(0, maximumCorrectionExamples)
            self.maximumRegions = max(1, maximumRegions)
            self.maximumReasons = max(1, maximumReasons)
        }

        /// 10 examples, 40 regions, 200 reasons.
        public static let `default` = Configuration()
    }

    /// The limits in use.
    public let configuration: Configuration
    private var statuses: [CleansingRowStatus: Int] = [:]
    private var reasons: [String: Int] = [:]
    private var regions: [String: [CleansingRowStatus: Int]] = [:]
    private var correctionRows = 0
    private var proposals = 0
    private var correctionsByField: [CleansingColumn: Int] = [:]
    private var examples: [CleansingSummary.CorrectionExample] = []
    private var duplicateGroups = Set<String>()
    private var duplicateRows = 0
    private var sharedPhoneRows = 0
    private var registryErrors: [RegistryErrorNote: Int] = [:]
    private var rows = 0

    /// Name used for regions beyond the limit.
    public static let otherRegions = "…"
    /// Name used for rows without a region.
    public static let noRegion = "—"

    /// An empty builder.
    public init(configuration: Configuration = .default) {
        self.configuration = configuration
    }

    /// Counts one output row.
    public mutating func add(_ row: CleansingResultRow) {
        rows += 1
        statuses[row.status, default: 0] += 1
        for code in Set(row.reasonCodes) {
            let key = reasons[code] != nil || reasons.count < configuration.maximumReasons ? code : "OTHER"
            reasons[key, default: 0] += 1
        }
        var region = row.region.isEmpty ? Self.noRegion : row.region
        if regions[region] == nil && regions.count >= configuration.maximumRegions { region = Self.otherRegions }
        regions[region, default: [:]][row.status, default: 0] += 1
        if !row.corrections.isEmpty {
            correctionRows += 1
            proposals += row.corrections.count
            for correction in row.corrections {
                correctionsByField[correction.field, default: 0] += 1
                if examples.count < configuration.maximumCorrectionExamples {
                    examples.append(
                        CleansingSummary.CorrectionExample(
                            line: row.line, field: correction.field.rawValue,
                            current: PersonalDataMask.mask(correction.current, as: correction.field),
                            suggested: PersonalDataMask.mask(correction.suggested, as: correction.field)))
                }
            }
        }
        if !row.duplicateGroup.isEmpty {
            duplicateGroups.insert(row.duplicateGroup)
            duplicateRows += 1
        }
        if row.phoneCheck == .shared { sharedPhoneRows += 1 }
        for note in Set(row.registryErrors) { registryErrors[note, default: 0] += 1 }
    }

    /// The summary of every row added so far.
    ///
    /// - Parameters:
    ///   - durationSeconds: processing time as the runner measured it.
    ///   - throughput: rows per interval (``CleansingProgressReporter/throughput``).
    ///   - input: how the input was read.
    public func summary(
        durationSeconds: Double, throughput: ThroughputSeries = ThroughputSeries(), input: CleansingSummary.Input? = nil,
        startedAt: Date? = nil, finishedAt: Date? = nil
    ) -> CleansingSummary {
        let orderedStatuses = CleansingRowStatus.allCases
        let unreadable = statuses[.unreadable, default: 0]
        let needingAction = statuses.reduce(0) { $0 + (($1.key.decision?.needsAction ?? false) ? $1.value : 0) }
        return CleansingSummary(
            input: input, startedAt: startedAt, finishedAt: finishedAt, durationSeconds: durationSeconds, rows: rows,
            decidedRows: rows - unreadable, unreadableRows: unreadable, rowsNeedingAction: needingAction,
            statuses: orderedStatuses.map { CleansingSummary.Count(label: $0.rawValue, count: statuses[$0, default: 0]) },
            reasons: Self.sorted(reasons),
            regions: regions.map { region, counts in
                CleansingSummary.RegionCount(
                    region: region, total: counts.values.reduce(0, +),
                    statuses: orderedStatuses.compactMap { status in
                        counts[status].map { CleansingSummary.Count(label: status.rawValue, count: $0) }
                    })
            }.sorted { ($0.total, $1.region) > ($1.total, $0.region) },
            corrections: CleansingSummary.Corrections(
                rows: correctionRows, proposals: proposals,
                byField: Self.sorted(Dictionary(uniqueKeysWithValues: correctionsByField.map { ($0.key.rawValue, $0.value) })),
                examples: examples),
            duplicates: CleansingSummary.Duplicates(groups: duplicateGroups.count, rows: duplicateRows, sharedPhoneRows: sharedPhoneRows),
            registryErrors: registryErrors.map {
                CleansingSummary.RegistryErrorCount(registry: $0.key.registry.rawValue, kind: $0.key.kind, count: $0.value)
            }.sorted { ($0.count, $1.registry, $1.kind) > ($1.count, $0.registry, $0.kind) },
            throughput: throughput)
    }

    private static func sorted(_ counts: [String: Int]) -> [CleansingSummary.Count] {
        counts.map { CleansingSummary.Count(label: $0.key, count: $0.value) }.sorted { ($0.count, $1.label) > ($1.count, $0.label) }
    }
}
