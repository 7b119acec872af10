import Identifiers
import Normalization
import Testing

/// Dates in the formats people and registries write, and the errors for what is not a date.
struct DateParserTests {
    /// Reference year 2025: "25" → 2025, "26" → 1926.
    static let parser = DateParser(configuration: .init(referenceYear: 2025))
    static let strict = DateParser(configuration: .init(strict: true, referenceYear: 2025))

    static let valid: [(String, String)] = [
        ("15.04.1985", "1985-04-15"),
        ("5.4.1985", "1985-04-05"),
        ("1985-04-15", "1985-04-15"),
        ("1985.04.15", "1985-04-15"),
        ("1985/4/15", "1985-04-15"),
        ("15-04-1985", "1985-04-15"),
        ("15/04/1985", "1985-04-15"),
        ("03/04/2015", "2015-04-03"),  // day first by policy
        ("3/4/15", "2015-04-03"),
        ("15.04.85", "1985-04-15"),
        ("01.01.25", "2025-01-01"),  // pivot: 25 ≤ 25 → 2025
        ("01.01.26", "1926-01-01"),  // 26 > 25 → 1926
        ("15041985", "1985-04-15"),
        ("19850415", "1985-04-15"),
        ("150485", "1985-04-15"),
        ("29.02.2000", "2000-02-29"),
        (" 15 . 04 . 1985 ", "1985-04-15"),
        ("1985-04-15T10:30:00+06:00", "1985-04-15"),
        ("1985-04-15+06:00", "1985-04-15"),
        ("1985-04-15 10:30", "1985-04-15"),
        ("15.04.1985 г.", "1985-04-15"),
        ("15 апреля 1985 г.", "1985-04-15"),
        ("15 апр. 1985", "1985-04-15"),
        ("1 мая 2015 года", "2015-05-01"),
        ("15 сәуір 1985", "1985-04-15"),
        ("1985 ж. 15 сәуір", "1985-04-15"),
        ("15 April 1985", "1985-04-15"),
        ("7 желтоқсан 2010", "2010-12-07"),
        ("04/15/2015", "2015-04-15"),  // day-first impossible, "/" → month first
    ]

    @Test("accepted formats", arguments: valid)
    func accepted(_ pair: (String, String)) throws {
        #expect(try Self.parser.parse(pair.0).description == pair.1)
    }

    static let invalid: [(String, NormalizationError.Reason)] = [
        ("", .empty),
        ("   ", .empty),
        ("31.02.2015", .impossibleDate),
        ("29.02.2015", .impossibleDate),
        ("32.01.2015", .impossibleDate),
        ("15.13.2015", .impossibleDate),
        ("04-15-2015", .impossibleDate),  // month first only with "/"
        ("2015-02-30", .impossibleDate),
        ("15.04", .unrecognizedDate),
        ("hello", .unrecognizedDate),
        ("15.04.1985 abc", .unrecognizedDate),
        ("1234567", .unrecognizedDate),
        ("15.04.1885", .yearOutOfRange),
        ("15.04.19851", .unrecognizedDate),
    ]

    @Test("rejected with a typed reason", arguments: invalid)
    func rejected(_ pair: (String, NormalizationError.Reason)) {
        #expect(throws: NormalizationError.self) { try Self.parser.parse(pair.0) }
        do {
            _ = try Self.parser.parse(pair.0)
        } catch {
            #expect(error.reason == pair.1, "\(pair.0): \(error)")
        }
    }

    @Test("strict mode reports both readings of a slash date")
    func strictAmbiguity() throws {
        do {
            _ = try Self.strict.parse("03/04/2015")
            Issue.record("expected ambiguousDate")
        } catch {
            #expect(error.reason == .ambiguousDate)
            #expect(error.ambiguousReadings?.dayFirst.description == "2015-04-03")
            #expect(error.ambiguousReadings?.other.description == "2015-03-04")
            #expect(error.shortDescription == "DATE_AMBIGUOUS")
        }
        // Dotted dates, equal readings and impossible month-first readings are never ambiguous.
        #expect(try Self.strict.parse("03.04.2015").description == "2015-04-03")
        #expect(try Self.strict.parse("04/04/2015").description == "2015-04-04")
        #expect(try Self.strict.parse("25/04/2015").description == "2015-04-25")
        #expect(try Self.strict.parse("2015-04-03").description == "2015-04-03")
    }

    @Test("lenient mode says when it chose day first")
    func lenientReading() throws {
        let reading = try Self.parser.read("03/04/2015")
        #expect(reading.wasAmbiguous)
        #expect(reading.order == .dayMonthYear)
        #expect(try Self.parser.read("03.04.2015").wasAmbiguous == false)
        #expect(try Self.parser.read("04/15/2015").order == .monthDayYear)
    }

    @Test("messages exist in English and Russian")
    func messages() {
        let error: NormalizationError
        do { _ = try Self.parser.parse("31.02.2015"); return } catch let caught { error = caught }
        #expect(error.message(.en).contains("no such date"))
        #expect(error.message(.ru).contains("такой даты нет"))
    }
}
