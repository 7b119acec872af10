import Cleansing
import Foundation
import Population
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `qorgan cleanse --notify` killed with SIGKILL at random moments, then resumed: the results hold every input row
/// exactly once, and no parent gets a second SMS. The mock registries run in their own process, so the SMS outbox
/// outlives every kill.
@Suite(.serialized)
struct CleanseResumeAfterKillTests {
    @Test("after several kill -9 at random points, --resume finishes with every row once and no SMS sent twice", .timeLimit(.minutes(10)))
    func killAndResume() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-kill-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let mocks = try await BackgroundProcess.start(
            try CLIProcess.executable(),
            ["mocks", "serve", "--seed", "11", "--people", "15000", "--export", directory.appendingPathComponent("mocks").path],
            readyLines: 5)
        defer { mocks.kill() }
        let smsURL = try #require(mocks.lines.first { $0.hasPrefix("sms ") }.map { String($0.dropFirst(4)) })
        let connection = directory.appendingPathComponent("mocks/client/connection.json").path
        let input = directory.appendingPathComponent("mocks/population/declarations/declarations-excel.csv").path
        let output = directory.appendingPathComponent("results.csv").path
        let arguments = [
            "cleanse", input, "--out", output, "--registries", connection, "--data-dir", directory.appendingPathComponent("var").path,
            "--notify", "--sms-rate", "500", "--chunk-size", "16", "--concurrency", "8", "--resume", "--progress", "silent",
        ]

        var generator = SplitMix64(seed: UInt64(ProcessInfo.processInfo.environment["QORGAN_KILL_SEED"] ?? "") ?? 20_261_121)
        var kills = 0
        for _ in 0..<4 {
            let delay = 300 + Int(generator.next() % 2_500)
            let run = try await BackgroundProcess.start(try CLIProcess.executable(), arguments, readyLines: 0)
            try await Task.sleep(for: .milliseconds(delay))
            if run.kill() { kills += 1 }
        }
        let last = try await CLIProcess.run(arguments)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(kills >= 1, "every run finished before its kill; the test proved nothing")

        // Every input record (readable or not) is in the results exactly once.
        let expectedLines = try Self.recordLines(input)
        var seen: [Int: Int] = [:]
        let reader = try CleansingResultReader(path: output)
        var rows: [CleansingResultRow] = []
        while let row = try reader.next() {
            seen[row.line, default: 0] += 1
            rows.append(row)
        }
        #expect(seen.values.allSatisfy { $0 == 1 }, "lines written twice: \(seen.filter { $0.value > 1 }.keys.sorted().prefix(10))")
        #expect(Set(seen.keys) == expectedLines, "missing: \(expectedLines.subtracting(seen.keys).sorted().prefix(10))")

        // No parent twice: messages per phone never exceed the distinct parents behind it who had to act.
        var parentsPerPhone: [String: Set<String>] = [:]
        for row in rows where row.decision.map({ CleansingNotificationText.text(for: $0) != nil }) ?? false && !row.phone.isEmpty {
            parentsPerPhone[row.phone, default: []].insert(row.iinStatus == "VALID" ? row.iin : "contact")
        }
        let messages = try await Self.sentMessages(smsURL)
        var perPhone: [String: Int] = [:]
        for recipient in messages { perPhone[recipient, default: 0] += 1 }
        for (phone, count) in perPhone {
            #expect(count <= parentsPerPhone[phone]?.count ?? 0, "\(count) SMS to one number with \(parentsPerPhone[phone]?.count ?? 0) parents")
        }
        #expect(!messages.isEmpty, "no SMS went out at all")
    }

    /// The first physical line of every record after the header, read the way the cleanser reads them.
    static func recordLines(_ path: String) throws -> Set<Int> {
        let reader = try CSVRecordReader(path: path)
        var lines: Set<Int> = []
        while let item = try reader.next() { lines.insert(item.line) }
        return lines
    }

    /// Recipients of every message the SMS mock accepted.
    static func sentMessages(_ baseURL: String) async throws -> [String] {
        let output = try await CLIProcess.runTool("/usr/bin/env", ["curl", "-fsS", baseURL + "/_control/messages"])
        #expect(output.status == 0, "\(output.stderr)")
        let messages = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]] ?? []
        return messages.compactMap { $0["to"] as? String }
    }
}
