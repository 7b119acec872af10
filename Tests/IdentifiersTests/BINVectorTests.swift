import Foundation
import Identifiers
import Testing

struct BINVectorTests {
    static let reference = CalendarDate(year: 2026, month: 11, day: 21)!

    struct Valid: Sendable, CustomTestStringConvertible {
        let bin: String
        let year: Int
        let month: Int
        let type: BIN.EntityType
        let division: BIN.Division
        var testDescription: String { bin }
    }

    static let valid: [Valid] = [
        .init(bin: "040440001207", year: 2004, month: 4, type: .residentLegalEntity, division: .headUnit),
        .init(bin: "150741003400", year: 2015, month: 7, type: .residentLegalEntity, division: .branch),
        .init(bin: "220340056101", year: 2022, month: 3, type: .residentLegalEntity, division: .headUnit),
        .init(bin: "181160007808", year: 2018, month: 11, type: .jointEntrepreneur, division: .headUnit),
        .init(bin: "091250007710", year: 2009, month: 12, type: .nonResidentLegalEntity, division: .headUnit),
        .init(bin: "190342001155", year: 2019, month: 3, type: .residentLegalEntity, division: .representativeOffice),
        .init(bin: "210863000423", year: 2021, month: 8, type: .jointEntrepreneur, division: .farmJointEntrepreneurship),
        .init(bin: "940340000421", year: 1994, month: 3, type: .residentLegalEntity, division: .headUnit),
    ]

    @Test("valid BIN vectors decode registration month, entity and division type", arguments: valid)
    func validVector(_ vector: Valid) throws {
        let bin = try BIN(vector.bin, asOf: Self.reference)
        #expect(bin.text == vector.bin)
        #expect(bin.registrationYear == vector.year)
        #expect(bin.registrationMonth == vector.month)
        #expect(bin.entityType == vector.type)
        #expect(bin.division == vector.division)
    }

    @Test("BIN hard errors name the position", arguments: [
        ("040440001208", IdentifierError.Reason.checksum, 12),
        ("040470001200", .entityType, 5),
    ])
    func invalidVector(_ input: String, _ reason: IdentifierError.Reason, _ position: Int) {
        #expect {
            try BIN(input, asOf: Self.reference)
        } throws: { error in
            let error = error as? IdentifierError
            return error?.reason == reason && error?.position == position && error?.kind == .bin
        }
    }

    /// Builds a BIN with a correct check digit from eleven digits, to reach the coded-digit rules.
    static func withCheckDigit(_ prefix: String) -> String? {
        let digits = prefix.utf8.map { $0 - 48 }
        guard let check = IIN.checkDigit(forPrefix: digits) else { return nil }
        return prefix + String(check)
    }

    @Test("month 13, division 7 and a future registration are hard errors for a BIN")
    func codedDigits() throws {
        let cases: [(String, IdentifierError.Reason)] = [
            ("04134000120", .registrationMonth),
            ("04004000120", .registrationMonth),
            ("04044700120", .divisionType),
            ("26124000120", .registrationDate),  // December 2026 after 21 November 2026
            ("35014000120", .registrationDate),  // 2035 / 1935: neither possible
        ]
        for (prefix, reason) in cases {
            let text = try #require(Self.withCheckDigit(prefix) ?? Self.withCheckDigit(String(prefix.dropLast()) + "1"))
            #expect(throws: IdentifierError.self) { try BIN(text, asOf: Self.reference) }
            do { _ = try BIN(text, asOf: Self.reference) } catch { #expect(error.reason == reason, "\(text)") }
        }
        // The same digits are fine once the reference date has passed.
        let december = try #require(Self.withCheckDigit("26124000120") ?? Self.withCheckDigit("26124000121"))
        #expect(try BIN(december, asOf: CalendarDate(year: 2027, month: 1, day: 1)!).registrationYear == 2026)
    }

    @Test("BIN messages exist in both languages")
    func messages() {
        do {
            _ = try BIN("040470001200", asOf: Self.reference)
        } catch {
            #expect(error.message(.en) == "BIN: entity type at position 5 is 7, expected 4, 5 or 6")
            #expect(error.message(.ru) == "БИН: тип субъекта в позиции 5 равен 7, ожидается 4, 5 или 6")
        }
    }
}

/// Today's date and the day arithmetic behind it, against Foundation's Gregorian calendar.
struct CalendarArithmeticTests {
    @Test("a day number reads as Foundation's calendar reads it, from 1583 to 2400")
    func daysMatchFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        for days in stride(from: -141_000, through: 157_000, by: 37) {
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            let date = CalendarDate(daysSince1970: days)
            #expect(date == CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!), "\(days)")
        }
    }

    @Test("today in Kazakhstan (UTC+5) changes at 19:00 UTC")
    func todayInKazakhstan() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 5 * 3600)!
        var seconds = 1_700_000_000.0
        for _ in 0..<2_000 {
            seconds += 3_599.5
            let now = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day], from: now)
            #expect(BIN.today(now: now) == CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!))
        }
        // 2024-12-31T18:59:59Z is still the 31st in Astana; a second later it is 1 January.
        #expect(BIN.today(now: Date(timeIntervalSince1970: 1_735_671_599)) == CalendarDate(year: 2024, month: 12, day: 31))
        #expect(BIN.today(now: Date(timeIntervalSince1970: 1_735_671_600)) == CalendarDate(year: 2025, month: 1, day: 1))
    }
}
