import Cleansing

/// The cleansing CSV reader (encoding and separator detection, quoting, header mapping): every row comes out as a
/// record or an unreadable row, in increasing line order, and reading always ends.
enum CSVFuzzTarget: FuzzTarget {
    static let name = "csv"

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var configuration = CSVReaderConfiguration.default
        configuration.chunkSize = 64  // records straddle chunk boundaries even in small inputs
        guard let reader = try? CSVRecordReader(bytes: Array(bytes), configuration: configuration) else { return }
        var previous = 0
        var items = 0
        while let item = try? reader.next() {
            guard item.line > previous else { preconditionFailure("line \(item.line) after line \(previous)") }
            previous = item.line
            items += 1
            guard items <= bytes.count + 1 else { preconditionFailure("more rows than bytes: the reader does not advance") }
        }
        // The same bytes through the header mapping used by `qorgan cleanse`.
        guard let again = try? CSVRecordReader(bytes: Array(bytes), configuration: configuration),
            let input = try? CleansingInputReader(reader: again)
        else { return }
        var rows = 0
        while let _ = try? input.next() {
            rows += 1
            guard rows <= bytes.count + 1 else { preconditionFailure("the input reader does not advance") }
        }
    }
}
