import Foundation
import Storage

/// A worker's position in one job's input: the reader, the cross-row index fed with every row read so far, and the
/// item read one past the last chunk. Chunks of a job are usually leased in line order, so a worker reads its input
/// about once; a chunk behind the cursor (taken over from a dead worker) reopens the input from the start.
///
/// Not thread-safe: one cursor per worker task.
final class LeasedInputCursor {
    let batchID: String
    private let path: String
    private let columns: String
    private let crossRow: CrossRowConfiguration
    private var input: CleansingInputReader
    private var index: CleansingCrossRowIndex
    private var pending: CleansingInputItem?
    private var lastLine = 0

    /// Opens the job's input (its `inputName`) and checks it is still the file the job was planned from.
    init(job: BatchJob, options: CleansingJobOptions, crossRow: CrossRowConfiguration) throws(CleansingError) {
        batchID = job.id
        path = job.inputName
        columns = options.columns
        self.crossRow = crossRow
        let survey = try CleansingInputSurvey.survey(path: job.inputName)
        guard survey == options.input else {
            throw CleansingError(.inputChanged, "the input of batch \(job.id) is not the file the job was planned from")
        }
        input = try CleansingInputReader(path: path, overrides: try ColumnMappingOverrides(parsing: columns))
        index = CleansingCrossRowIndex(configuration: crossRow)
    }

    /// The items starting in `lines`, each with its cross-row finding (every earlier row of the input registered first).
    ///
    /// - Throws: `.inputChanged` when the chunk does not hold `expected` items (the file changed under the job).
    func items(in lines: ClosedRange<Int64>, expected: Int) throws(CleansingError) -> [(item: CleansingInputItem, finding: CrossRowFinding?)] {
        if Int64(lastLine) >= lines.lowerBound { try rewind() }
        var chunk: [(item: CleansingInputItem, finding: CrossRowFinding?)] = []
        while let item = try nextItem() {
            let line = Int64(item.line)
            if line > lines.upperBound {
                pending = item
                break
            }
            var finding: CrossRowFinding?
            if case .row(let row) = item { finding = index.register(row) }
            lastLine = item.line
            if line >= lines.lowerBound { chunk.append((item, finding)) }
        }
        guard chunk.count == expected else {
            throw CleansingError(.inputChanged, "chunk \(lines.lowerBound)…\(lines.upperBound) of batch \(batchID) holds \(chunk.count) rows, planned \(expected)")
        }
        return chunk
    }

    private func nextItem() throws(CleansingError) -> CleansingInputItem? {
        if let item = pending {
            pending = nil
            return item
        }
        return try input.next()
    }

    private func rewind() throws(CleansingError) {
        input = try CleansingInputReader(path: path, overrides: try ColumnMappingOverrides(parsing: columns))
        index = CleansingCrossRowIndex(configuration: crossRow)
        pending = nil
        lastLine = 0
    }
}
