import Foundation
import Identifiers

/// `xs:dateTime` and date text in Kazakhstan's single time zone (UTC+5 since 1 March 2024, `shep.md`).
enum Timestamps {
    /// `yyyy-MM-ddTHH:mm:ss.SSS+05:00` for `date`.
    static func dateTime(_ date: Date = Date()) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) + 5 * 3_600_000
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let rest = milliseconds - days * 86_400_000
        let civil = CalendarDate(daysSince1970: Int(days))
        let (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        let hour = rest / 3_600_000, minute = rest / 60_000 % 60, second = rest / 1000 % 60, milli = rest % 1000
        // Written digit by digit into one 29-byte string (years outside 0...9999 are clamped: not a date a mock sends).
        let fields: [(value: Int64, width: Int, separator: UInt8?)] = [
            (year, 4, UInt8(ascii: "-")), (month, 2, UInt8(ascii: "-")), (day, 2, UInt8(ascii: "T")), (hour, 2, UInt8(ascii: ":")),
            (minute, 2, UInt8(ascii: ":")), (second, 2, UInt8(ascii: ".")), (milli, 3, nil),
        ]
        return String(unsafeUninitializedCapacity: 29) { buffer in
            var index = 0
            for field in fields {
                var value = min(max(field.value, 0), field.width == 4 ? 9999 : field.width == 3 ? 999 : 99)
                for position in stride(from: index + field.width - 1, through: index, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                index += field.width
                if let separator = field.separator {
                    buffer[index] = separator
                    index += 1
                }
            }
            for byte in "+05:00".utf8 {
                buffer[index] = byte
                index += 1
            }
            return index
        }
    }
}
