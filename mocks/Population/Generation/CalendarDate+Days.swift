import Identifiers

extension CalendarDate {
    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic in the generator.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    init(dayNumber: Int) {
        self.init(daysSince1970: dayNumber)
    }

    /// This date moved by `days`.
    func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// The same day `years` later (29 February → 28 February in a common year).
    func adding(years: Int) -> CalendarDate {
        CalendarDate(year: year + years, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year + years)))!
    }

    /// A uniform date in `lower...upper` (`upper` ≥ `lower`).
    static func random(from lower: CalendarDate, to upper: CalendarDate, using random: inout PopulationRandom) -> CalendarDate {
        let low = lower.dayNumber
        let high = max(low, upper.dayNumber)
        return CalendarDate(dayNumber: low + random.int(below: high - low + 1))
    }

    /// Day and month swapped, when that is another real date.
    var daySwappedWithMonth: CalendarDate? {
        guard day <= 12, day != month else { return nil }
        return CalendarDate(year: year, month: day, day: month)
    }
}
