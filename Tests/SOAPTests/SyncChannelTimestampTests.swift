import Foundation
import Testing

import SOAP

struct SyncChannelTimestampTests {
    @Test(
        "writes xs:dateTime in UTC+5 with milliseconds",
        arguments: [
            (0.0, "1970-01-01T05:00:00.000+05:00"),
            (1_796_638_085.3125, "2026-12-07T15:08:05.312+05:00"),
            (951_782_399.75, "2000-02-29T04:59:59.750+05:00"),
            (-1.5, "1970-01-01T04:59:58.500+05:00"),
            (1_709_233_200.0, "2024-03-01T00:00:00.000+05:00"),
        ])
    func dateTime(seconds: Double, expected: String) {
        #expect(SyncChannelTimestamp.dateTime(Date(timeIntervalSince1970: seconds)) == expected)
    }
}
