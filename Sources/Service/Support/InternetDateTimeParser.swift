import Foundation

/// Reads an RFC 3339 `date-time` (what OpenAPI's `format: date-time` means): `2025-09-01T08:30:00Z`,
/// `2025-09-01t08:30:00.123456+05:00`, any number of fractional digits, any offset up to ±23:59, years 0000–9999;
/// a leap second (`:60`) is read as `:59`. `nil` for anything else — including real dates that do not exist
/// (`2025-02-30`). Pure Swift: no ICU formatter per request.
func parseInternetDateTime(_ text: some StringProtocol) -> Date? {
    let bytes = Array(text.utf8)
    var index = 0
    func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<(index + count)] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += count
        return value
    }
    func expect(_ allowed: Set<UInt8>) -> Bool {
        guard index < bytes.count, allowed.contains(bytes[index]) else { return false }
        index += 1
        return true
    }
    guard let year = digits(4), expect([0x2D]), let month = digits(2), expect([0x2D]), let day = digits(2),
        expect([0x54, 0x74]), let hour = digits(2), expect([0x3A]), let minute = digits(2), expect([0x3A]), let second = digits(2)
    else { return nil }
    var fraction = 0.0
    if index < bytes.count, bytes[index] == 0x2E {
        index += 1
        var scale = 0.1
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            fraction += Double(bytes[index] - 0x30) * scale
            scale /= 10
            index += 1
        }
        guard index > start else { return nil }
    }
    var offset = 0
    if expect([0x5A, 0x7A]) {
        offset = 0
    } else if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
        let sign = bytes[index] == 0x2D ? -1 : 1
        index += 1
        guard let offsetHours = digits(2), expect([0x3A]), let offsetMinutes = digits(2), offsetHours <= 23, offsetMinutes <= 59 else { return nil }
        offset = sign * (offsetHours * 3_600 + offsetMinutes * 60)
    } else {
        return nil
    }
    guard index == bytes.count else { return nil }
    guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month), hour <= 23, minute <= 59, second <= 60 else {
        return nil
    }
    let days = daysFromCivil(year: year, month: month, day: day)
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59) - offset
    return Date(timeIntervalSince1970: Double(seconds) + fraction)
}

/// Days in a month of the proleptic Gregorian calendar.
private func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
private func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}
