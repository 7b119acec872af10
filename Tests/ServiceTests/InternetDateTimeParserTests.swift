import Foundation
import Testing

@testable import Service

/// RFC 3339 `date-time` as OpenAPI's `format: date-time` allows it (schemathesis sent `0522-03-22T02:53:05.52356+18:46`
/// and the review filter refused it).
@Suite struct InternetDateTimeParserTests {
    @Test("reads what RFC 3339 allows", arguments: [
        ("2025-09-01T08:30:00Z", 1_756_715_400.0),
        ("2025-09-01t08:30:00z", 1_756_715_400.0),
        ("2025-09-01T13:30:00+05:00", 1_756_715_400.0),
        ("2025-09-01T08:30:00.25Z", 1_756_715_400.25),
        ("1970-01-01T00:00:00.000000001Z", 0.000000001),
        ("2024-02-29T23:59:60Z", 1_709_251_199.0),
        ("0522-03-22T02:53:05.52356+18:46", -45_687_599_574.47644),
    ])
    func reads(_ text: String, _ seconds: Double) throws {
        let date = try #require(parseInternetDateTime(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_01, "\(text) → \(date.timeIntervalSince1970)")
    }

    @Test("refuses what it does not allow", arguments: [
        "", "2025-09-01", "2025-09-01T08:30Z", "2025-09-01 08:30:00Z", "2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z",
        "2025-09-01T24:00:00Z", "2025-09-01T08:30:00", "2025-09-01T08:30:00+0500", "2025-09-01T08:30:00.Z", "2025-09-01T08:30:00+24:00",
        "2025-09-01T08:30:00Zjunk", "２０２５-09-01T08:30:00Z",
    ])
    func refuses(_ text: String) {
        #expect(parseInternetDateTime(text) == nil, "\(text)")
    }

    @Test("agrees with the formatter it replaces on whole-second UTC times")
    func agreesWithFormatter() {
        let formatter = ISO8601DateFormatter()
        for seconds in stride(from: -2_000_000_000.0, through: 4_000_000_000.0, by: 123_456_789.0) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(parseInternetDateTime(formatter.string(from: date)) == date)
        }
    }
}
