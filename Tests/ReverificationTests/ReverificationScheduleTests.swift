import Foundation
import Identifiers
import Reverification
import Storage
import Testing

/// The service's scheduled job: finishes a run a stopped server left unfinished, then runs every interval; writes its
/// outputs; stops when cancelled. In the serial `timed` list of scripts/test.sh (it waits for runs on the clock).
struct ReverificationScheduleTests {
    @Test func resumesTheUnfinishedRunThenRunsEveryInterval() async throws {
        let registries = FakeRegistries()
        let (store, directory) = try await ReverificationRunnerTests.seeded(2, registries: registries)
        defer { try? FileManager.default.removeItem(at: directory) }
        let day = ReverificationRunnerTests.day
        let created = Date(timeIntervalSinceNow: -60)
        try await store.createReverificationRun(ReverificationRunRecord(id: "rvr_left", activeOn: day, activatedSince: nil, createdAt: created, updatedAt: created))
        let output = directory.appendingPathComponent("out", isDirectory: true)
        let schedule = ReverificationSchedule(
            interval: .milliseconds(200), runner: ReverificationRunner(store: store, protector: store.personalData, checker: registries.checker, configuration: ReverificationRunnerTests.configuration()),
            store: store, outputDirectory: output, today: { day })
        let task = Task { await schedule.run() }
        var runs: [ReverificationRunRecord] = []
        for _ in 0..<600 {
            runs = try await store.reverificationRuns(limit: 10)
            if runs.count >= 3, runs.allSatisfy({ $0.status == .finished }) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        task.cancel()
        await task.value
        #expect(runs.count >= 3)
        #expect(runs.allSatisfy { $0.status == .finished })
        #expect(try await store.reverificationRun(id: "rvr_left")?.counts == ["OK": 2])
        let summary = try String(contentsOf: output.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"vouchers\" : 2"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("report.html").path))
    }

    @Test func aFailedRunIsLoggedNotFatal() async throws {
        let registries = FakeRegistries()
        let (store, directory) = try await ReverificationRunnerTests.seeded(1, registries: registries)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schedule = ReverificationSchedule(
            interval: .seconds(3_600), runner: ReverificationRunner(store: store, protector: store.personalData, checker: registries.checker, configuration: ReverificationRunnerTests.configuration()), store: store,
            today: { ReverificationRunnerTests.day })
        #expect(await schedule.runOnce(resume: true) == nil)  // nothing to resume: an error, logged
        let outcome = await schedule.runOnce(resume: false)
        #expect(outcome?.summary.vouchers == 1)
    }
}
