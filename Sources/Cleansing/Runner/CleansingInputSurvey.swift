import Foundation

/// A quick pass over the input before a job: its size, an estimate of its rows (for the progress bar's ETA) and a
/// fingerprint that tells `--resume` whether the file is still the one the interrupted job was reading.
struct CleansingInputSurvey: Sendable, Hashable, Codable {
    /// Bytes in the file.
    var size: Int
    /// FNV-1a 64 of the first MiB and the last 64 KiB, hex.
    var fingerprint: String
    /// Physical lines (line feeds, plus one for a last line without one).
    var lines: Int

    /// Rows to expect: lines minus the header (multi-line records make this an over-estimate).
    var estimatedRows: Int { max(0, lines - 1) }

    /// Reads `path` once, in 1 MiB blocks.
    static func survey(path: String) throws(CleansingError) -> CleansingInputSurvey {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .io("cannot open the input for reading") }
        defer { try? handle.close() }
        let head = 1 << 20
        let tailSize = 64 << 10
        var hash = FNV1a64()
        var size = 0
        var lines = 0
        var lastByte: UInt8 = 10
        var tail: [UInt8] = []
        do {
            while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
                block.withUnsafeBytes { raw in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    if size < head { hash.add(bytes.prefix(head - size)) }
                    for byte in bytes where byte == 10 { lines += 1 }
                    lastByte = bytes.last ?? lastByte
                    if bytes.count >= tailSize {
                        tail = Array(bytes.suffix(tailSize))
                    } else {
                        tail.append(contentsOf: bytes)
                        if tail.count > tailSize { tail.removeFirst(tail.count - tailSize) }
                    }
                }
                size += block.count
            }
        } catch {
            throw .io("cannot read the input")
        }
        if lastByte != 10 { lines += 1 }
        tail.withUnsafeBufferPointer { hash.add($0) }
        hash.add(withUnsafeBytes(of: UInt64(size).littleEndian) { Array($0) })
        return CleansingInputSurvey(size: size, fingerprint: hash.hex, lines: lines)
    }
}

/// 64-bit FNV-1a, for the input fingerprint (not a security measure: it detects a replaced file, not an attacker).
struct FNV1a64: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
