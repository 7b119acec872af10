@testable import Cleansing
import Foundation
import Identifiers
import Normalization
import Storage
import Synchronization
import Testing
import Verification

/// The job runner over an in-memory registry and a real SQLite store: every row once, checkpoints, resume after an
/// interrupted run, notify-once, dry run, and a changed input refused on resume.
struct CleansingJobRunnerTests {
    @Test("a run writes every input line once, in order, unreadable rows included, and finishes the batch")
    func everyLineOnce() async throws {
        let world = try RunnerWorld(people: 120)
        let outcome = try await world.runner().run(world.request())
        let rows = try world.results()
        #expect(rows.map(\.line) == world.expectedLines)
        #expect(outcome.rowsWritten == world.expectedLines.count)
        #expect(outcome.rowsDecided == world.expectedLines.count)
        #expect(outcome.resumed == false)
        #expect(rows.filter { $0.status == .unreadable }.map(\.line) == world.unreadableLines)
        #expect(outcome.unreadable.map(\.line) == world.unreadableLines)
        #expect(rows.contains { $0.decision == .valid })
        #expect(rows.contains { $0.decision == .invalidIIN })
        let job = try #require(try await world.store.batch(id: outcome.batchID))
        #expect(job.status == .finished)
        #expect(job.counts.values.reduce(0, +) == world.expectedLines.count)
        #expect(FileManager.default.fileExists(atPath: world.directory.appendingPathComponent("report.html").path))
        let summary = try Data(contentsOf: world.directory.appendingPathComponent("report.json"))
        #expect(String(decoding: summary, as: UTF8.self).contains("\"rows\""))
        #expect(world.persons.calls <= world.people.count + 5)
    }

    @Test("a run cancelled half-way saves only whole chunks; --resume decides only the rest, and the results hold every line once")
    func resumeAfterInterruption() async throws {
        let world = try RunnerWorld(people: 200)
        world.persons.stallAfter(90)
        let first = Task { try await world.runner(chunkSize: 10, concurrency: 4).run(world.request()) }
        try await world.persons.waitUntilStalled()
        first.cancel()
        _ = await first.result
        let saved = try await world.store.resultCounts(batchID: try #require(try await world.store.batches(inputName: nil, limit: 1).first).id)
            .values.reduce(0, +)
        #expect(saved > 0 && saved < world.expectedLines.count, "saved \(saved)")
        let callsBefore = world.persons.calls

        world.persons.stallAfter(nil)
        let outcome = try await world.runner(chunkSize: 10, concurrency: 4).run(world.request(resume: true))
        #expect(outcome.resumed)
        #expect(outcome.rowsAlreadyDone == saved)
        #expect(outcome.rowsDecided == world.expectedLines.count - saved)
        #expect(world.persons.calls - callsBefore <= world.expectedLines.count - saved)
        #expect(try world.results().map(\.line) == world.expectedLines)
        #expect(try world.results().allSatisfy { $0.decision != .registryUnavailable }, "a cancelled call was saved as a decision")
    }

    @Test("with notify, each parent who must act gets one SMS; a rerun with --resume sends none again")
    func notifyOnce() async throws {
        let world = try RunnerWorld(people: 60)
        let outcome = try await world.runner(notify: true).run(world.request())
        let sent = world.sms.recipients
        #expect(outcome.notifications[.sent, default: 0] == sent.count)
        #expect(!sent.isEmpty)
        let needing = try world.results().filter { $0.decision.map { CleansingNotificationText.text(for: $0) != nil } ?? false && $0.phoneCheck == .valid }
        #expect(sent.count <= needing.count)
        for message in world.sms.messages {
            #expect(message.sender == "1414")
            #expect(message.text.contains("Ваучер") && message.text.contains("тексеріңіз"))
            let hasDigits = message.text.contains { $0.isNumber }
            #expect(!hasDigits, "an SMS carries no IIN or number")
        }

        let again = try await world.runner(notify: true).run(world.request(resume: true))
        #expect(again.resumed)
        #expect(world.sms.recipients.count == sent.count)
        #expect(try world.results().map(\.line) == world.expectedLines)
    }

    @Test("without notify it is a dry run: nothing is sent, the rows that would notify are counted")
    func dryRun() async throws {
        let world = try RunnerWorld(people: 60)
        let outcome = try await world.runner(notify: false).run(world.request())
        #expect(world.sms.recipients.isEmpty)
        #expect(outcome.notifications[.wouldSend, default: 0] > 0)
    }

    @Test("--resume refuses an input that changed since the interrupted run")
    func changedInputRefused() async throws {
        let world = try RunnerWorld(people: 30)
        _ = try await world.runner().run(world.request())
        try world.appendToInput("\n999999999999;Иванов;Иван;;01.01.1990;+77011234567\n")
        await #expect(throws: CleansingError.self) { try await world.runner().run(world.request(resume: true)) }
        do {
            _ = try await world.runner().run(world.request(resume: true))
        } catch {
            #expect(error.code == .inputChanged)
        }
    }

    @Test("chunks account for the header, blank and continuation lines, and come out complete whatever order rows finish in")
    func chunkAssembly() {
        func row(_ line: Int) -> CleansingResultRow { CleansingResultRow(line: line, status: .decided(.valid)) }
        func text(_ chunk: CleansingChunkAssembler.ReadyChunk?) -> String? {
            chunk.map { "\($0.lines.lowerBound)...\($0.lines.upperBound):" + $0.rows.map { String($0.line) }.joined(separator: ",") }
        }
        var assembler = CleansingChunkAssembler(chunkSize: 2)
        #expect(assembler.assign(line: 2).chunkID == 0)
        #expect(assembler.assign(line: 3).chunkID == 0)
        let third = assembler.assign(line: 6)  // lines 4–5 blank: the next chunk starts at 4
        #expect(third.chunkID == 1 && third.ready == nil)
        #expect(text(assembler.deliver(row(3), to: 0)) == nil)
        #expect(text(assembler.deliver(row(6), to: 1)) == nil)
        #expect(text(assembler.deliver(row(2), to: 0)) == "1...3:2,3")
        #expect(text(assembler.closeCurrent()) == "4...6:6")
        #expect(assembler.openChunks == 0)
    }
}
