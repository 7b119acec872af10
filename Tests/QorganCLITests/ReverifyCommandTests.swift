import Foundation
import Testing

/// `qorgan reverify`: usage errors exit 64 with a message; a store without active vouchers gives an empty run with
/// every output written; `--resume` with nothing to resume exits 1 with a clear message.
struct ReverifyCommandTests {
    @Test func aBadDateIsAUsageError() async throws {
        let output = try await CLIProcess.run(["reverify", "--since", "yesterday"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--since must be a date yyyy-MM-dd"))
    }

    @Test func anEmptyStoreGivesAnEmptyRunAndEveryOutput() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-reverify-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = directory.appendingPathComponent("var").path
        let out = directory.appendingPathComponent("out")
        let output = try await CLIProcess.run(["reverify", "--seed", "3", "--people", "300", "--data-dir", data, "--out-dir", out.path, "--active-on", "2025-11-01"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("qorgan reverify: 0 active vouchers"))
        #expect(output.stdout.contains("OK 0 · REVIEW 0 · SUSPEND_SUGGESTED 0"))
        for file in ["results.csv", "contradictions.csv", "anomalies.csv", "report.html", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        let resumed = try await CLIProcess.run(["reverify", "--seed", "3", "--people", "300", "--data-dir", data, "--out-dir", out.path, "--resume"])
        #expect(resumed.status == 1)
        #expect(resumed.stderr.contains("qorgan reverify: no unfinished re-verification run to resume"))
    }
}
