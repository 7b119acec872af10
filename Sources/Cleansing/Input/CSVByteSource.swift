#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a ``CSVRecordReader`` gets its bytes: a file read in chunks, or bytes already in memory.
protocol CSVByteSource {
    /// Reads up to `count` bytes into `buffer` (replacing its content); returns how many, 0 at the end.
    mutating func read(into buffer: inout [UInt8], count: Int) throws(CleansingError) -> Int
    /// Moves to an absolute byte offset.
    mutating func seek(to offset: Int) throws(CleansingError)
}

/// A file read with POSIX `read(2)`/`lseek(2)`: no `Data` per chunk, and the descriptor closes with the value.
final class FileByteSource: CSVByteSource {
    private let descriptor: Int32

    init(path: String) throws(CleansingError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .io("cannot open the input file (errno \(errno))") }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    func read(into buffer: inout [UInt8], count: Int) throws(CleansingError) -> Int {
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
        while true {
            let result = buffer.withUnsafeMutableBytes { raw in systemRead(descriptor, raw.baseAddress, count) }
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw .io("cannot read the input file (errno \(errno))")
        }
    }

    func seek(to offset: Int) throws(CleansingError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else { throw .io("cannot seek in the input file (errno \(errno))") }
    }
}

/// `read(2)`, named apart from the source's own `read(into:count:)`.
private func systemRead(_ descriptor: Int32, _ address: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, address, count)
}

/// Bytes already in memory (tests, small uploads).
struct MemoryByteSource: CSVByteSource {
    let bytes: [UInt8]
    var position = 0

    mutating func read(into buffer: inout [UInt8], count: Int) throws(CleansingError) -> Int {
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
        let available = min(count, bytes.count - position)
        guard available > 0 else { return 0 }
        buffer.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                _ = UnsafeMutableBufferPointer(rebasing: target[0..<available])
                    .initialize(from: source[position..<(position + available)])
            }
        }
        position += available
        return available
    }

    mutating func seek(to offset: Int) throws(CleansingError) {
        position = min(max(0, offset), bytes.count)
    }
}
