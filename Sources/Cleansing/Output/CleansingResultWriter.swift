#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the results file: creates (or truncates) it, writes the BOM and header, then buffered rows.
///
/// ```swift
/// let writer = try CleansingResultWriter(path: "results.csv")
/// for try await stored in store.resultRows(batchID: id) {
///     try writer.write(CleansingResultRow(batchRowResult: stored))
/// }
/// try writer.close()
/// ```
///
/// Call ``close()`` to flush; a writer dropped without closing flushes what it can and closes the file. Not
/// thread-safe: one writer per task.
public final class CleansingResultWriter {
    /// The encoder (and its configuration) in use.
    public let encoder: CleansingResultEncoder
    /// Rows written so far.
    public private(set) var rowsWritten = 0
    private var descriptor: Int32
    private var buffer: [UInt8] = []

    /// Creates or truncates the file at `path` and writes the preamble (BOM, header).
    ///
    /// - Throws: ``CleansingError/Code/io`` when the file cannot be created.
    public init(path: String, configuration: CleansingOutputConfiguration = .default) throws(CleansingError) {
        encoder = CleansingResultEncoder(configuration: configuration)
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .io("cannot create the results file (errno \(errno))") }
        buffer.reserveCapacity(configuration.bufferSize + 4_096)
        buffer.append(contentsOf: encoder.preamble())
    }

    deinit {
        if descriptor >= 0 {
            try? flush()
            systemClose(descriptor)
        }
    }

    /// Appends one row (buffered).
    ///
    /// - Throws: ``CleansingError/Code/io`` when a buffer flush fails or the writer is closed.
    public func write(_ row: CleansingResultRow) throws(CleansingError) {
        guard descriptor >= 0 else { throw .io("the results file is closed") }
        encoder.append(row, to: &buffer)
        rowsWritten += 1
        if buffer.count >= encoder.configuration.bufferSize { try flush() }
    }

    /// Writes the buffer to the file.
    public func flush() throws(CleansingError) {
        guard descriptor >= 0 else { throw .io("the results file is closed") }
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { raw in systemWrite(descriptor, raw.baseAddress! + written, raw.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .io("cannot write the results file (errno \(errno))")
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and closes the file; later writes throw.
    public func close() throws(CleansingError) {
        guard descriptor >= 0 else { return }
        try flush()
        let failed = fsync(descriptor) != 0
        systemClose(descriptor)
        descriptor = -1
        if failed { throw .io("cannot sync the results file (errno \(errno))") }
    }
}

/// `write(2)`, named apart from the writer's own `write(_:)`.
private func systemWrite(_ descriptor: Int32, _ address: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, address, count)
}

/// `close(2)`, named apart from the writer's own `close()`.
private func systemClose(_ descriptor: Int32) {
    _ = close(descriptor)
}
