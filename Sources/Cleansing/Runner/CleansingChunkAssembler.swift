/// Groups rows into checkpoint chunks in input order and hands a chunk out once all its rows are decided, whatever
/// order the concurrent rows finish in.
///
/// A chunk accounts for the input lines from the line after the previous chunk's last row through its own last row,
/// so the chunks of a run cover the header, blank lines and the continuation lines of multi-line records too.
struct CleansingChunkAssembler: Sendable {
    /// A chunk whose rows are all decided, ready to be saved in one transaction.
    struct ReadyChunk: Sendable {
        /// The input lines the chunk accounts for.
        var lines: ClosedRange<Int64>
        /// Its rows, in line order.
        var rows: [CleansingResultRow]
    }

    private struct Chunk: Sendable {
        var firstLine: Int64
        var lastLine: Int64
        var assigned = 0
        var rows: [CleansingResultRow] = []
        var closed = false

        var isComplete: Bool { closed && rows.count == assigned }
    }

    let chunkSize: Int
    private var chunks: [Int: Chunk] = [:]
    private var currentID = -1
    private var previousLastLine: Int64 = 0

    init(chunkSize: Int) {
        self.chunkSize = max(1, chunkSize)
    }

    /// How many chunks are open or waiting for rows.
    var openChunks: Int { chunks.count }

    /// Assigns the row starting on `line` to a chunk and returns the chunk's id, and the previous chunk when starting
    /// a new one closed it complete. Lines must come in increasing order.
    mutating func assign(line: Int) -> (chunkID: Int, ready: ReadyChunk?) {
        let line = Int64(line)
        var ready: ReadyChunk?
        if currentID < 0 || chunks[currentID].map({ $0.assigned >= chunkSize }) ?? true {
            ready = closeCurrent()
            currentID += 1
            chunks[currentID] = Chunk(firstLine: min(previousLastLine + 1, line), lastLine: line)
        }
        chunks[currentID]!.assigned += 1
        chunks[currentID]!.lastLine = line
        previousLastLine = line
        return (currentID, ready)
    }

    /// Adds a decided row to its chunk; returns the chunk when it is now complete.
    mutating func deliver(_ row: CleansingResultRow, to chunkID: Int) -> ReadyChunk? {
        chunks[chunkID]?.rows.append(row)
        return takeIfComplete(chunkID)
    }

    /// Closes the chunk being filled (at the end of input); returns it when all its rows are already decided.
    mutating func closeCurrent() -> ReadyChunk? {
        guard currentID >= 0, chunks[currentID] != nil else { return nil }
        chunks[currentID]!.closed = true
        return takeIfComplete(currentID)
    }

    private mutating func takeIfComplete(_ id: Int) -> ReadyChunk? {
        guard let chunk = chunks[id], chunk.isComplete else { return nil }
        chunks[id] = nil
        return ReadyChunk(lines: chunk.firstLine...chunk.lastLine, rows: chunk.rows.sorted { $0.line < $1.line })
    }
}
