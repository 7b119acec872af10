public import Identifiers

/// Reads dates in the formats people and registries write into a `CalendarDate`.
///
/// Accepted (any of `.`, `/`, `-`, blank as separators; leading zeros optional):
/// - year first: `yyyy-MM-dd`, `yyyy.MM.dd`, `yyyy/MM/dd`, with an optional time or zone after it
///   (`1985-04-15T10:00:00+06:00`, `1985-04-15+06:00`, `1985-04-15 10:30`);
/// - day first: `dd.MM.yyyy`, `d.M.yy`, `dd/MM/yyyy`, `d/M/yy`, `dd-MM-yyyy`;
/// - compact: `yyyyMMdd`, `ddMMyyyy`, `ddMMyy`;
/// - with a month name (Russian, Kazakh or English, full or abbreviated): "15 апреля 1985 г.",
///   "1985 ж. 15 сәуір", "15 Apr 1985".
///
/// Policy: Kazakhstan writes day first, so `03/04/2015` is 3 April 2015. With `Configuration.strict`,
/// a "/"- or "-"-separated date whose two readings are both valid and differ is an `ambiguousDate` error
/// carrying both readings; dotted dates are never ambiguous. A day-first reading that is impossible while the
/// month-first one exists (`04/15/2015`) is read month-first, but only with "/" (the US habit). Two-digit
/// years resolve against `Configuration.referenceYear` (see there).
///
/// ```swift
/// let parser = DateParser()
/// try parser.parse("15.04.1985")      // 1985-04-15
/// try parser.parse("31.02.2015")      // throws impossibleDate
/// try DateParser(configuration: .init(strict: true)).parse("03/04/2015")  // throws ambiguousDate
/// ```
public struct DateParser: Sendable {
    /// How dates are read.
    public var configuration: Configuration

    /// A parser with `configuration` (default: lenient, day first).
    public init(configuration: Configuration = .default) {
        self.configuration = configuration
    }

    /// The order the fields of a parsed date were read in.
    public enum FieldOrder: String, Sendable, Hashable, Codable {
        case yearMonthDay
        case dayMonthYear
        case monthDayYear
    }

    /// A parsed date with how it was read.
    public struct Reading: Sendable, Hashable {
        /// The date.
        public let date: CalendarDate
        /// The field order used.
        public let order: FieldOrder
        /// Whether another field order would also have given a valid, different date (day-first won).
        public let wasAmbiguous: Bool
    }

    /// The date `text` names.
    ///
    /// - Throws: `NormalizationError` with reason `empty`, `unrecognizedDate`, `ambiguousDate` (strict only),
    ///   `impossibleDate` or `yearOutOfRange`.
    public func parse(_ text: String) throws(NormalizationError) -> CalendarDate {
        try read(text).date
    }

    /// The date `text` names, with the field order used and whether it was ambiguous.
    public func read(_ text: String) throws(NormalizationError) -> Reading {
        let tokens = DateTokens(text)
        if tokens.isBlank { throw .empty }
        if let month = tokens.month {
            return try readWithMonthName(numbers: tokens.numbers, month: month)
        }
        let numbers = tokens.numbers
        switch numbers.count {
        case 1:
            return try readCompact(numbers[0])
        case 3:
            return try readSeparated(numbers, separator: tokens.separator)
        default:
            throw .unrecognizedDate
        }
    }

    // MARK: - Forms

    private func readSeparated(_ numbers: [DateTokens.Number], separator: UInt32) throws(NormalizationError) -> Reading {
        let (a, b, c) = (numbers[0], numbers[1], numbers[2])
        if a.digits == 4 {
            guard b.digits <= 2, c.digits <= 2 else { throw .unrecognizedDate }
            return Reading(date: try make(year: a.value, month: b.value, day: c.value), order: .yearMonthDay, wasAmbiguous: false)
        }
        guard a.digits <= 2, b.digits <= 2, c.digits == 4 || c.digits == 2 else { throw .unrecognizedDate }
        let year = try resolveYear(c)
        let dayFirst = CalendarDate(year: year, month: b.value, day: a.value)
        let monthFirst = CalendarDate(year: year, month: a.value, day: b.value)
        let usStyle = separator == 0x2F || separator == 0x2D  // "/" or "-"
        switch (dayFirst, monthFirst) {
        case (let day?, let month?):
            let ambiguous = usStyle && day != month
            if ambiguous && configuration.strict { throw .ambiguousDate(dayFirst: day, other: month) }
            return Reading(date: day, order: .dayMonthYear, wasAmbiguous: ambiguous)
        case (let day?, nil):
            return Reading(date: day, order: .dayMonthYear, wasAmbiguous: false)
        case (nil, let month?) where separator == 0x2F:
            return Reading(date: month, order: .monthDayYear, wasAmbiguous: false)
        default:
            throw .impossibleDate(year: year, month: b.value, day: a.value)
        }
    }

    private func readCompact(_ number: DateTokens.Number) throws(NormalizationError) -> Reading {
        let v = number.value
        switch number.digits {
        case 8:
            let yearFirst = (year: v / 10_000, month: v / 100 % 100, day: v % 100)
            if configuration.acceptedYears.contains(yearFirst.year),
                CalendarDate(year: yearFirst.year, month: yearFirst.month, day: yearFirst.day) != nil
            {
                return Reading(date: try make(year: yearFirst.year, month: yearFirst.month, day: yearFirst.day), order: .yearMonthDay, wasAmbiguous: false)
            }
            return Reading(date: try make(year: v % 10_000, month: v / 10_000 % 100, day: v / 1_000_000), order: .dayMonthYear, wasAmbiguous: false)
        case 6:
            let year = try resolveYear(.init(value: v % 100, digits: 2))
            let day = v / 10_000
            let month = v / 100 % 100
            let otherYear = try? resolveYear(.init(value: day, digits: 2))
            let yearFirst = otherYear.flatMap { CalendarDate(year: $0, month: month, day: v % 100) }
            guard let date = CalendarDate(year: year, month: month, day: day) else {
                if let yearFirst { return Reading(date: yearFirst, order: .yearMonthDay, wasAmbiguous: false) }
                throw .impossibleDate(year: year, month: month, day: day)
            }
            let ambiguous = yearFirst != nil && yearFirst != date
            if ambiguous && configuration.strict, let yearFirst { throw .ambiguousDate(dayFirst: date, other: yearFirst) }
            return Reading(date: date, order: .dayMonthYear, wasAmbiguous: ambiguous)
        default:
            throw .unrecognizedDate
        }
    }

    private func readWithMonthName(numbers: [DateTokens.Number], month: Int) throws(NormalizationError) -> Reading {
        guard numbers.count == 2 else { throw .unrecognizedDate }
        let (first, second) = (numbers[0], numbers[1])
        if first.digits == 4 && second.digits <= 2 {
            return Reading(date: try make(year: first.value, month: month, day: second.value), order: .yearMonthDay, wasAmbiguous: false)
        }
        guard first.digits <= 2, second.digits == 4 || second.digits == 2 else { throw .unrecognizedDate }
        return Reading(date: try make(year: try resolveYear(second), month: month, day: first.value), order: .dayMonthYear, wasAmbiguous: false)
    }

    // MARK: - Helpers

    private func resolveYear(_ number: DateTokens.Number) throws(NormalizationError) -> Int {
        let year: Int
        if number.digits == 2 {
            let pivot = configuration.referenceYear % 100
            let century = configuration.referenceYear - pivot
            year = number.value <= pivot ? century + number.value : century - 100 + number.value
        } else {
            year = number.value
        }
        guard configuration.acceptedYears.contains(year) else {
            throw .yearOutOfRange(year, accepted: configuration.acceptedYears)
        }
        return year
    }

    private func make(year: Int, month: Int, day: Int) throws(NormalizationError) -> CalendarDate {
        guard configuration.acceptedYears.contains(year) else { throw .yearOutOfRange(year, accepted: configuration.acceptedYears) }
        guard let date = CalendarDate(year: year, month: month, day: day) else { throw .impossibleDate(year: year, month: month, day: day) }
        return date
    }
}
