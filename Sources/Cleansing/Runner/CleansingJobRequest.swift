/// One cleansing job to run: which file, where its results and report go, and whether it continues an interrupted run.
public struct CleansingJobRequest: Sendable, Hashable {
    /// The input CSV.
    public var inputPath: String
    /// The results CSV (written whole at the end, via a temporary file beside it).
    public var outputPath: String
    /// The HTML report, when wanted.
    public var reportPath: String?
    /// The JSON summary; `nil` = beside the report (`.json`), or none without a report.
    public var summaryPath: String?
    /// Continue the newest unfinished job of this input instead of starting a new one.
    public var resume: Bool
    /// The `--columns` mapping as typed (empty = the header decides).
    public var columns: String
    /// How the CSV is read.
    public var reader: CSVReaderConfiguration
    /// The batch id to use (the service allocates it when the upload is accepted); with `resume`, the job continued
    /// is this one. `nil` = a new id, or the newest job of the input.
    public var batchID: String?

    /// Creates a request.
    public init(
        inputPath: String, outputPath: String, reportPath: String? = nil, summaryPath: String? = nil, resume: Bool = false, columns: String = "",
        reader: CSVReaderConfiguration = .default, batchID: String? = nil
    ) {
        self.batchID = batchID
        self.inputPath = inputPath
        self.outputPath = outputPath
        self.reportPath = reportPath
        self.summaryPath = summaryPath
        self.resume = resume
        self.columns = columns
        self.reader = reader
    }

    /// Where the JSON summary goes: ``summaryPath``, or beside the report.
    public var resolvedSummaryPath: String? {
        if let summaryPath { return summaryPath }
        guard let reportPath else { return nil }
        if reportPath.hasSuffix(".html") { return String(reportPath.dropLast(5)) + ".json" }
        return reportPath + ".json"
    }
}
