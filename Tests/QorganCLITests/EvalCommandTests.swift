import Foundation
import Testing

/// `qorgan eval` end to end: a generated population through the adapters and the in-process mocks, counted against
/// the ground truth.
@Suite struct EvalCommandTests {
    @Test("eval --json counts every declaration once, auto-matches no fraud and meets the bars")
    func evalJSON() async throws {
        let output = try await CLIProcess.run(["eval", "--seed", "5", "--people", "4000", "--json", "--require-bars"])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let line = try #require(output.lines.last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let genuine = try #require(object["genuine"] as? [String: Int])
        let fraudulent = try #require(object["fraudulent"] as? [String: Int])
        let records = try #require(object["records"] as? Int)
        #expect(Set(genuine.keys) == ["MATCH", "REVIEW", "MISMATCH"])
        #expect(genuine.values.reduce(0, +) + fraudulent.values.reduce(0, +) == records)
        #expect(records > 100)
        #expect(fraudulent["MATCH"] == 0)
        #expect(fraudulent.values.reduce(0, +) > 0, "the population must contain fraud for the table to mean anything")
        #expect(object["model"] as? String == "qorgan-default-1")
        #expect(object["meetsBars"] as? Bool == true)
    }

    @Test("a model file that does not exist is a clear error, not a table")
    func missingModel() async throws {
        let output = try await CLIProcess.run(["eval", "--people", "200", "--model", "/nonexistent/model.json"])
        #expect(output.status != 0)
        #expect(output.stdout.isEmpty)
    }
}
