import Foundation
import Identifiers

extension DateParser {
    /// How `DateParser` reads dates.
    public struct Configuration: Sendable, Hashable {
        /// Whether a numeric date whose day-first and month-first readings are both valid and differ, written
        /// with "/" or "-" (the separators US-style dates use), or a six-digit `ddMMyy` that also reads as
        /// `yyMMdd`, is an `ambiguousDate` error instead of being read day-first.
        ///
        /// Default: `false` — Kazakhstan writes day first, so day-first wins. Dotted dates (`dd.MM.yyyy`) and
        /// dates starting with a four-digit year are never ambiguous.
        public var strict: Bool

        /// The year two-digit years are resolved against: `yy` ≤ `referenceYear % 100` means 20yy, larger
        /// means 19yy (with 2025: "25" → 2025, "26" → 1926).
        ///
        /// Default: the current UTC year when the configuration is created.
        public var referenceYear: Int

        /// Years a date may have; others are `yearOutOfRange`.
        ///
        /// Default: `1900...2100`.
        public var acceptedYears: ClosedRange<Int>

        /// Creates a configuration; every parameter defaults as documented on its property.
        public init(strict: Bool = false, referenceYear: Int? = nil, acceptedYears: ClosedRange<Int> = 1900...2100) {
            self.strict = strict
            self.referenceYear = referenceYear ?? Self.currentYear()
            self.acceptedYears = acceptedYears
        }

        /// Lenient, day-first, pivot at the current year, years 1900–2100.
        public static var `default`: Configuration { Configuration() }

        /// The current year in UTC (by arithmetic: a parser is made for every declaration checked).
        private static func currentYear() -> Int {
            CalendarDate(secondsSince1970: Date().timeIntervalSince1970).year
        }
    }
}
