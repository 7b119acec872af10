/// A CSV file's data rows as an `AsyncSequence` of ``CSVReadItem``: `for try await item in sequence`.
///
/// Each iteration opens its own ``CSVRecordReader`` (constant memory, see there). The sequence is `Sendable`
/// and can be handed to a task; it throws only ``CleansingError`` (I/O, no header), never for a bad row.
public struct CSVRecordSequence: AsyncSequence, Sendable {
    /// Each element is a record or an unreadable row, in file order.
    public typealias Element = CSVReadItem
    /// Only I/O failures and a missing header are thrown.
    public typealias Failure = CleansingError

    fileprivate enum Input: Sendable {
        case path(String)
        case bytes([UInt8])
    }

    private let input: Input
    /// The configuration every iteration reads with.
    public let configuration: CSVReaderConfiguration

    /// The rows of the file at `path`.
    public init(path: String, configuration: CSVReaderConfiguration = .default) {
        input = .path(path)
        self.configuration = configuration
    }

    /// The rows of bytes already in memory.
    public init(bytes: [UInt8], configuration: CSVReaderConfiguration = .default) {
        input = .bytes(bytes)
        self.configuration = configuration
    }

    /// Opens the input lazily, on the first `next()`.
    public func makeAsyncIterator() -> Iterator {
        Iterator(input: input, configuration: configuration)
    }

    /// Iterates one reader; not `Sendable` (one task at a time).
    public struct Iterator: AsyncIteratorProtocol {
        private let input: Input
        private let configuration: CSVReaderConfiguration
        private var reader: CSVRecordReader?
        private var finished = false

        fileprivate init(input: Input, configuration: CSVReaderConfiguration) {
            self.input = input
            self.configuration = configuration
        }

        /// The next row, `nil` at the end.
        public mutating func next() async throws(CleansingError) -> CSVReadItem? {
            try await next(isolation: nil)
        }

        /// The next row, `nil` at the end.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(CleansingError) -> CSVReadItem? {
            guard !finished else { return nil }
            if reader == nil {
                do {
                    switch input {
                    case .path(let path): reader = try CSVRecordReader(path: path, configuration: configuration)
                    case .bytes(let bytes): reader = try CSVRecordReader(bytes: bytes, configuration: configuration)
                    }
                } catch {
                    finished = true
                    throw error
                }
            }
            guard let item = try reader?.next() else {
                finished = true
                reader = nil
                return nil
            }
            return item
        }
    }
}
