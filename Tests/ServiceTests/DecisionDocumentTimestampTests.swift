import Foundation
import Service
import Testing

/// `decidedAt` is written without creating an `ISO8601DateFormatter` per decision; the text must not change.
struct DecisionDocumentTimestampTests {
    @Test(
        "decidedAt reads as ISO8601DateFormatter would write it",
        arguments: [0, 951_782_400, 1_700_000_000.75, 1_795_307_867.999, 4_102_444_799] as [TimeInterval])
    func sameTextAsFoundation(secondsSince1970: TimeInterval) {
        let date = Date(timeIntervalSince1970: secondsSince1970)
        let document = DecisionDocument(
            decisionId: "dec_1", kind: "registration", decision: "MATCH", reasons: [], decidedAt: date, requestId: nil)
        #expect(document.decidedAt == ISO8601DateFormatter().string(from: date))
    }
}
