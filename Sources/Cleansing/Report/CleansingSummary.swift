public import Foundation

/// What a cleansing job found, as counts: the JSON summary file and the HTML report are made from it.
///
/// Holds no personal data: correction examples are masked (``PersonalDataMask``), everything else is counts,
/// codes, region names and column names. Build it row by row with ``CleansingSummaryBuilder``.
public struct CleansingSummary: Sendable, Hashable, Codable {
    /// A label with a count.
    public struct Count: Sendable, Hashable, Codable {
        /// The code or name counted.
        public var label: String
        /// How many.
        public var count: Int

        /// Creates a count.
        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    /// Counts for one region.
    public struct RegionCount: Sendable, Hashable, Codable {
        /// The region as in the results (or `—` for none, `…` for the rest beyond the limit).
        public var region: String
        /// Rows in the region.
        public var total: Int
        /// Rows per status code (decisions and `UNREADABLE`), in ``CleansingRowStatus/allCases`` order, zeros left out.
        public var statuses: [Count]

        /// Creates a region count.
        public init(region: String, total: Int, statuses: [Count]) {
            self.region = region
            self.total = total
            self.statuses = statuses
        }
    }

    /// One proposed correction, masked.
    public struct CorrectionExample: Sendable, Hashable, Codable {
        /// The input line.
        public var line: Int
        /// The field's raw value name (`surname`, …).
        public var field: String
        /// The input value, masked.
        public var current: String
        /// The registry's value, masked.
        public var suggested: String

        /// Creates an example.
        public init(line: Int, field: String, current: String, suggested: String) {
            self.line = line
            self.field = field
            self.current = current
            self.suggested = suggested
        }
    }

    /// Corrections proposed from the registries.
    public struct Corrections: Sendable, Hashable, Codable {
        /// Rows with at least one proposal.
        public var rows: Int
        /// Proposals in all.
        public var proposals: Int
        /// Proposals per field.
        public var byField: [Count]
        /// Up to ``CleansingSummaryBuilder/Configuration/maximumCorrectionExamples`` masked examples, first come.
        public var examples: [CorrectionExample]

        /// Creates the corrections section.
        public init(rows: Int = 0, proposals: Int = 0, byField: [Count] = [], examples: [CorrectionExample] = []) {
            self.rows = rows
            self.proposals = proposals
            self.byField = byField
            self.examples = examples
        }
    }

    /// Rows found to duplicate each other.
    public struct Duplicates: Sendable, Hashable, Codable {
        /// Distinct duplicate groups.
        public var groups: Int
        /// Rows in some group.
        public var rows: Int
        /// Rows whose phone is shared by many unrelated parents.
        public var sharedPhoneRows: Int

        /// Creates the duplicates section.
        public init(groups: Int = 0, rows: Int = 0, sharedPhoneRows: Int = 0) {
            self.groups = groups
            self.rows = rows
            self.sharedPhoneRows = sharedPhoneRows
        }
    }

    /// Registry failures of one kind at one registry.
    public struct RegistryErrorCount: Sendable, Hashable, Codable {
        /// The registry (`individuals`, …).
        public var registry: String
        /// The failure kind (`timeout`, `circuit_open`, …).
        public var kind: String
        /// Rows affected.
        public var count: Int

        /// Creates a count.
        public init(registry: String, kind: String, count: Int) {
            self.registry = registry
            self.kind = kind
            self.count = count
        }
    }

    /// How the input was read (no content).
    public struct Input: Sendable, Hashable, Codable {
        /// The input's file name (without directories).
        public var fileName: String
        /// `utf-8` or `windows-1251`.
        public var encoding: String
        /// `;`, `,` or `\t`.
        public var separator: String
        /// Field → header name.
        public var columns: [String: String]

        /// Creates an input description.
        public init(fileName: String, encoding: String, separator: String, columns: [String: String]) {
            self.fileName = fileName
            self.encoding = encoding
            self.separator = separator
            self.columns = columns
        }
    }

    /// The summary format's version.
    public var formatVersion = 1
    /// How the input was read, when known.
    public var input: Input?
    /// When the job started and finished.
    public var startedAt: Date?
    /// When the job finished.
    public var finishedAt: Date?
    /// Processing time in seconds (all runs of a resumed job, as the runner measures it).
    public var durationSeconds: Double
    /// Rows in the output.
    public var rows: Int
    /// Rows with a decision.
    public var decidedRows: Int
    /// Rows that could not be read.
    public var unreadableRows: Int
    /// Rows whose decision needs the parent or an operator to act.
    public var rowsNeedingAction: Int
    /// Rows per status, all nine in ``CleansingRowStatus/allCases`` order (zeros kept).
    public var statuses: [Count]
    /// Rows per reason code, most frequent first.
    public var reasons: [Count]
    /// Rows per region, largest first.
    public var regions: [RegionCount]
    /// Corrections proposed.
    public var corrections: Corrections
    /// Duplicates found.
    public var duplicates: Duplicates
    /// Registry failures, most frequent first.
    public var registryErrors: [RegistryErrorCount]
    /// Rows per interval over the run.
    public var throughput: ThroughputSeries

    /// Creates a summary.
    public init(
        input: Input? = nil, startedAt: Date? = nil, finishedAt: Date? = nil, durationSeconds: Double, rows: Int, decidedRows: Int,
        unreadableRows: Int, rowsNeedingAction: Int, statuses: [Count], reasons: [Count], regions: [RegionCount], corrections: Corrections,
        duplicates: Duplicates, registryErrors: [RegistryErrorCount], throughput: ThroughputSeries
    ) {
        self.input = input
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.durationSeconds = durationSeconds
        self.rows = rows
        self.decidedRows = decidedRows
        self.unreadableRows = unreadableRows
        self.rowsNeedingAction = rowsNeedingAction
        self.statuses = statuses
        self.reasons = reasons
        self.regions = regions
        self.corrections = corrections
        self.duplicates = duplicates
        self.registryErrors = registryErrors
        self.throughput = throughput
    }

    /// Rows per second over the whole job.
    public var rowsPerSecond: Double { durationSeconds > 0 ? Double(rows) / durationSeconds : 0 }

    /// The count of one status.
    public func count(of status: CleansingRowStatus) -> Int {
        statuses.first { $0.label == status.rawValue }?.count ?? 0
    }

    /// The summary as pretty-printed JSON with sorted keys and ISO 8601 dates (the `--report` JSON file).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Reads a summary written by ``jsonData()``.
    public init(jsonData: Data) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        self = try decoder.decode(CleansingSummary.self, from: jsonData)
    }
}
