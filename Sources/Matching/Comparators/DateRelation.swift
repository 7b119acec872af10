public import Identifiers

/// How two dates relate, from the closest to the loosest: the date comparison's levels.
public enum DateRelation: String, Sendable, Hashable, Codable, CaseIterable {
    /// The same day.
    case equal
    /// Same year, day and month swapped (15.04 ↔ 04.15 read as 04.03 ↔ 03.04) — a typing or format confusion.
    case dayMonthSwapped
    /// The `yyyyMMdd` digits differ by one substitution or one swap of adjacent digits.
    case oneDigitOff
    /// Only the year agrees.
    case sameYear
    /// None of the above.
    case different

    /// The relation of `a` to `b` (symmetric).
    public init(_ a: CalendarDate, _ b: CalendarDate) {
        if a == b {
            self = .equal
        } else if a.year == b.year && a.day == b.month && a.month == b.day {
            self = .dayMonthSwapped
        } else if Self.oneDigitApart(a, b) {
            self = .oneDigitOff
        } else if a.year == b.year {
            self = .sameYear
        } else {
            self = .different
        }
    }

    private static func oneDigitApart(_ a: CalendarDate, _ b: CalendarDate) -> Bool {
        let x = digits(a)
        let y = digits(b)
        var differing: [Int] = []
        for index in 0..<8 where x[index] != y[index] {
            differing.append(index)
            if differing.count > 2 { return false }
        }
        if differing.count == 1 { return true }
        if differing.count == 2 {
            let (i, j) = (differing[0], differing[1])
            return j == i + 1 && x[i] == y[j] && x[j] == y[i]
        }
        return false
    }

    private static func digits(_ date: CalendarDate) -> [Int] {
        let value = date.year * 10_000 + date.month * 100 + date.day
        return (0..<8).map { value / Int(pow10($0)) % 10 }.reversed()
    }

    private static func pow10(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
