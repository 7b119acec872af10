import Foundation
import Identifiers

/// The UTC time of a log line, `2025-05-01T10:00:00.123Z`: what `Date.ISO8601FormatStyle` with fractional seconds
/// writes (a test compares them), without a formatter — the gateway writes two lines per request. Where Foundation
/// takes the fraction from the binary double and prints one millisecond low (`.999` as `.998`), this prints the
/// whole number of milliseconds.
enum LogTimestamp {
    /// Appends the timestamp of `date`, milliseconds truncated.
    static func append(_ date: Date, to bytes: inout [UInt8]) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let millisecondsPerDay: Int64 = 86_400_000
        var days = milliseconds / millisecondsPerDay
        var ofDay = milliseconds % millisecondsPerDay
        if ofDay < 0 {
            ofDay += millisecondsPerDay
            days -= 1
        }
        let date = CalendarDate(daysSince1970: Int(days))

        digits(Int64(date.year), count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(Int64(date.month), count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(Int64(date.day), count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        digits(ofDay / 3_600_000, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(ofDay / 60_000 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        digits(ofDay / 1_000 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        digits(ofDay % 1_000, count: 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// `value` (0 ≤ value < 10^count) zero-padded to `count` digits.
    private static func digits(_ value: Int64, count: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
