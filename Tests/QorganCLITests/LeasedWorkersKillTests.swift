import Cleansing
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Three `qorgan worker` processes share one batch on PostgreSQL; one is killed with SIGKILL while it holds a chunk.
/// Its lease expires, another worker finishes the chunk, and the results hold every input row exactly once.
///
/// Rows: `QORGAN_LEASE_TEST_ROWS` (default 50,000, the batch size: ≈ 165 s with the debug build on two cores;
/// set it lower to iterate). Needs `QORGAN_TEST_POSTGRES_URL`
/// (`scripts/with-postgres.sh`); with `QORGAN_REQUIRE_POSTGRES=1` its absence fails the test.
@Suite(.serialized)
struct LeasedWorkersKillTests {
    static var postgresURL: String? { ProcessInfo.processInfo.environment["QORGAN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var requested: Bool { postgresURL != nil || ProcessInfo.processInfo.environment["QORGAN_REQUIRE_POSTGRES"] == "1" }

    @Test(
        "3 workers on one batch, one killed with SIGKILL mid-chunk: its chunk is taken over and every row is in the output once",
        .enabled(if: requested), .timeLimit(.minutes(10)))
    func killOneWorker() async throws {
        let base = try #require(Self.postgresURL, "QORGAN_REQUIRE_POSTGRES=1 but QORGAN_TEST_POSTGRES_URL is not set")
        let rows = Int(ProcessInfo.processInfo.environment["QORGAN_LEASE_TEST_ROWS"] ?? "") ?? 50_000
        let schema = "kill_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let database = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-workers-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let mocks = try await BackgroundProcess.start(
            try CLIProcess.executable(),
            ["mocks", "serve", "--seed", "11", "--people", "15000", "--export", directory.appendingPathComponent("mocks").path], readyLines: 5)
        defer { mocks.kill() }
        let connection = directory.appendingPathComponent("mocks/client/connection.json").path
        let input = directory.appendingPathComponent("parents.csv").path
        try Self.writeInput(from: directory.appendingPathComponent("mocks/population/declarations/declarations-excel.csv").path, rows: rows, to: input)
        let output = directory.appendingPathComponent("results.csv").path
        let data = directory.appendingPathComponent("var").path

        // The coordinator creates the job (and the store keys every process shares), plans its chunks and waits.
        async let coordinator = CLIProcess.run([
            "cleanse", input, "--out", output, "--database", database, "--distributed", "--registries", connection, "--data-dir", data,
            "--chunk-size", "100", "--progress", "silent",
        ])
        let planned = try await Self.waitFor(seconds: 120) { try await Self.query(base, "SELECT count(*) FROM \(schema).batch_lease_chunk") > 0 }
        #expect(planned, "the coordinator never planned the job")

        var workers: [BackgroundProcess] = []
        for name in ["w1", "w2", "w3"] {
            workers.append(
                try await BackgroundProcess.start(
                    try CLIProcess.executable(),
                    ["worker", "--database", database, "--registries", connection, "--data-dir", data, "--name", name, "--lease-seconds", "4",
                     "--concurrency", "16", "--log-level", "warning"],
                    readyLines: 1))
        }
        defer { workers.forEach { $0.kill() } }

        // Kill w3 once a fifth of the chunks are done and while it holds a lease.
        let total = try await Self.query(base, "SELECT count(*) FROM \(schema).batch_lease_chunk")
        let holding = try await Self.waitFor(seconds: 240) {
            let done = try await Self.query(base, "SELECT count(*) FROM \(schema).batch_lease_chunk WHERE state = 'done'")
            let held = try await Self.query(base, "SELECT count(*) FROM \(schema).batch_lease_chunk WHERE state = 'leased' AND worker = 'w3'")
            return done * 5 >= total && held > 0
        }
        #expect(holding, "w3 never held a lease after a fifth of the chunks")
        #expect(workers[2].kill(), "w3 had exited before the kill")
        // What the dead worker still holds (it cannot complete or release it any more).
        let heldFirstLine = try await Self.query(
            base, "SELECT coalesce(min(first_line), 0) FROM \(schema).batch_lease_chunk WHERE state = 'leased' AND worker = 'w3'")
        #expect(heldFirstLine > 0, "w3 held no lease when it was killed")
        let doneAtKill = try await Self.query(base, "SELECT count(*) FROM \(schema).batch_lease_chunk WHERE state = 'done'")
        #expect(doneAtKill < total, "the batch was finished before the kill; the test proved nothing")

        let finished = try await coordinator
        #expect(finished.status == 0, "\(finished.stderr)")

        // The chunk w3 died holding was leased again and finished by another worker.
        let takenOver = try await Self.query(
            base,
            "SELECT count(*) FROM \(schema).batch_lease_chunk WHERE first_line = \(heldFirstLine) AND state = 'done' AND attempts >= 2 AND worker <> 'w3'")
        #expect(takenOver == 1, "w3's chunk at line \(heldFirstLine) was not taken over")

        // Every input record (readable or not) is in the results exactly once.
        let expectedLines = try CleanseResumeAfterKillTests.recordLines(input)
        #expect(expectedLines.count >= rows)
        var seen: [Int: Int] = [:]
        let reader = try CleansingResultReader(path: output)
        while let row = try reader.next() { seen[row.line, default: 0] += 1 }
        #expect(seen.values.allSatisfy { $0 == 1 }, "lines written twice: \(seen.filter { $0.value > 1 }.keys.sorted().prefix(10))")
        #expect(Set(seen.keys) == expectedLines, "missing: \(expectedLines.subtracting(seen.keys).sorted().prefix(10))")
        _ = try? await Self.psql(base, "DROP SCHEMA \(schema) CASCADE")
    }

    /// The declarations' data rows repeated until the file holds at least `rows` of them, under the one header.
    static func writeInput(from source: String, rows: Int, to path: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        guard let firstBreak = bytes.firstIndex(of: 10) else { throw CocoaError(.fileReadCorruptFile) }
        let header = bytes[bytes.startIndex...firstBreak]
        var body = Data(bytes[bytes.index(after: firstBreak)...])
        if body.last != 10 { body.append(contentsOf: [13, 10]) }
        let perCopy = try CleanseResumeAfterKillTests.recordLines(source).count
        var out = Data(header)
        for _ in 0..<max(1, (rows + perCopy - 1) / perCopy) { out.append(body) }
        try out.write(to: URL(fileURLWithPath: path))
    }

    /// One integer from `psql` (the test target does not link the store).
    static func query(_ url: String, _ sql: String) async throws -> Int {
        guard let value = Int(try await psql(url, sql).trimmingCharacters(in: .whitespacesAndNewlines)) else { throw CocoaError(.fileReadUnknown) }
        return value
    }

    /// Runs one statement with `psql`; its output.
    @discardableResult
    static func psql(_ url: String, _ sql: String) async throws -> String {
        let result = try await CLIProcess.runTool("/usr/bin/env", ["psql", url, "-AtqX", "-c", sql])
        guard result.status == 0 else { throw CocoaError(.fileReadUnknown) }
        return result.stdout
    }

    /// Polls `condition` every 200 ms for at most `seconds`; a query that fails counts as "not yet".
    static func waitFor(seconds: Int, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if (try? await condition()) == true { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }
}
