import Hummingbird
import NIOCore

/// A request body passed through on its way to disk, counting bytes and line feeds and cutting it off with 413 once it
/// exceeds the upload limit (a chunked body has no `Content-Length` to refuse it by up front).
struct UploadStream<Base: AsyncSequence>: AsyncSequence where Base.Element == ByteBuffer {
    typealias Element = ByteBuffer

    /// What went through: bytes and `\n` bytes. Read after the stream is consumed, in the same task.
    final class Tally {
        var bytes = 0
        var lineFeeds = 0
        var lastByte: UInt8?
    }

    let base: Base
    let limit: Int
    let tally: Tally

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let limit: Int
        let tally: Tally

        mutating func next() async throws -> ByteBuffer? {
            guard let buffer = try await base.next() else { return nil }
            tally.bytes += buffer.readableBytes
            guard tally.bytes <= limit else { throw ServiceProblem.payloadTooLarge(limit: limit) }
            buffer.withUnsafeReadableBytes { bytes in
                for byte in bytes where byte == 0x0A { tally.lineFeeds += 1 }
                if let last = bytes.last { tally.lastByte = last }
            }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), limit: limit, tally: tally)
    }
}

extension UploadStream.Tally {
    /// Physical lines received (a last line without a line feed counts too).
    var lines: Int { lineFeeds + (lastByte.map { $0 == 0x0A ? 0 : 1 } ?? 0) }
}
