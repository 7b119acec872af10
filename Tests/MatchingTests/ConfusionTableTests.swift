import Foundation
import Matching
import Testing

/// The evaluation table `qorgan eval` prints.
struct ConfusionTableTests {
    @Test("counts, rates, precision and recall")
    func counts() throws {
        var table = ConfusionTable()
        for _ in 0..<97 { table.record(.match, truth: .match) }
        for _ in 0..<2 { table.record(.review, truth: .match) }
        table.record(.mismatch, truth: .match)
        table.record(.match, truth: .nonMatch)
        for _ in 0..<9 { table.record(.mismatch, truth: .nonMatch) }
        #expect(table.total == 110)
        #expect(table.rate(of: .match, among: .match) == 0.97)
        #expect(table.rate(of: .match, among: .nonMatch) == 0.1)
        #expect(abs(table.reviewRate - 2.0 / 110) < 1e-12)
        #expect(abs(table.precision - 97.0 / 98) < 1e-12)
        #expect(table.recall == 0.97)
        var merged = ConfusionTable()
        merged.merge(table)
        merged.merge(table)
        #expect(merged.count(truth: .match, decision: .match) == 194)
        let decoded = try JSONDecoder().decode(ConfusionTable.self, from: JSONEncoder().encode(table))
        #expect(decoded == table)
        #expect(table.dictionary["nonMatch"]?["MATCH"] == 1)
        #expect(table.description.contains("97 (97.00 %)"))
    }
}
