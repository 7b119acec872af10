import Foundation
import Storage
import Testing

struct BatchStoreTests {
    static func job(_ id: String = "bat_1", input: String = "parents.csv", at seconds: Double = 0) -> BatchJob {
        BatchJob(id: id, inputName: input, options: Data(#"{"notify":false}"#.utf8), createdAt: Sample.date(seconds))
    }

    static func row(_ line: Int64, status: String = "VALID") -> BatchRowResult {
        BatchRowResult(line: line, status: status, payload: Data("\(line);row \(line)".utf8))
    }

    @Test("jobs are created, listed newest first by input, and updated with status and counts", arguments: StoreBackend.all)
    func jobs(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        try await store.createBatch(Self.job("bat_1", at: 0), audit: Sample.audit("batch.created", subject: "bat_1"))
        try await store.createBatch(Self.job("bat_2", input: "other.csv", at: 1), audit: nil)
        try await store.createBatch(Self.job("bat_3", at: 2), audit: nil)
        #expect(try await store.batch(id: "bat_1") == Self.job("bat_1", at: 0))
        #expect(try await store.batch(id: "bat_9") == nil)
        #expect(try await store.batches(inputName: "parents.csv", limit: 10).map(\.id) == ["bat_3", "bat_1"])
        #expect(try await store.batches(inputName: nil, limit: 2).map(\.id) == ["bat_3", "bat_2"])
        await #expect(throws: StoreError.self) { try await store.createBatch(Self.job("bat_1"), audit: nil) }

        let running = try await store.updateBatch(id: "bat_1", status: .running, counts: ["read": 10], failureReason: nil, at: Sample.date(5), audit: nil)
        #expect(running.status == .running)
        #expect(running.counts == ["read": 10])
        #expect(running.updatedAt == Sample.date(5))
        let failed = try await store.updateBatch(
            id: "bat_1", status: .failed, counts: ["read": 12], failureReason: "input unreadable", at: Sample.date(6),
            audit: Sample.audit("batch.failed", subject: "bat_1"))
        #expect(try await store.batch(id: "bat_1") == failed)
        #expect(failed.failureReason == "input unreadable")
        #expect(try await store.entries(AuditQuery(subjectID: "bat_1")).map(\.draft.action) == ["batch.failed", "batch.created"])
        await #expect(throws: StoreError.notFound(kind: "batch", id: "bat_9")) {
            _ = try await store.updateBatch(id: "bat_9", status: .running, counts: [:], failureReason: nil, at: Sample.date(0), audit: nil)
        }
    }

    @Test("a chunk saves its rows once: a replayed chunk adds nothing, counts follow the rows stored", arguments: StoreBackend.all)
    func chunks(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        try await store.createBatch(Self.job(), audit: nil)
        let first = [Self.row(2), Self.row(3, status: "MISMATCH"), Self.row(5, status: "UNREADABLE")]
        #expect(try await store.saveChunk(batchID: "bat_1", lines: 1...5, results: first, at: Sample.date(1)) == 3)
        let replay = [Self.row(2, status: "CHANGED"), Self.row(3), Self.row(5)]
        #expect(try await store.saveChunk(batchID: "bat_1", lines: 1...5, results: replay, at: Sample.date(2)) == 0)
        #expect(try await store.results(batchID: "bat_1", afterLine: 0, limit: 10) == first)
        #expect(try await store.resultCounts(batchID: "bat_1") == ["VALID": 1, "MISMATCH": 1, "UNREADABLE": 1])
        #expect(try await store.batch(id: "bat_1")?.updatedAt == Sample.date(2))

        await #expect(throws: StoreError.conflict("result line 9 lies outside chunk lines 6…8")) {
            try await store.saveChunk(batchID: "bat_1", lines: 6...8, results: [Self.row(9)], at: Sample.date(3))
        }
        await #expect(throws: StoreError.notFound(kind: "batch", id: "bat_9")) {
            try await store.saveChunk(batchID: "bat_9", lines: 1...1, results: [], at: Sample.date(3))
        }
        #expect(try await store.completedLines(batchID: "bat_1") == BatchCoverage(ranges: [1...5]))
    }

    @Test("completed lines stay a few merged ranges while chunks finish out of order, and one range at the end", arguments: StoreBackend.all)
    func coverageOutOfOrder(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        try await store.createBatch(Self.job(), audit: nil)
        // 200 chunks of 50 lines, finishing in a shuffled order within a window of 8 (bounded concurrency).
        var order = Array(0..<200)
        var generator = SeededGenerator(seed: 7)
        for start in stride(from: 0, to: order.count, by: 8) {
            order[start..<min(start + 8, order.count)].shuffle(using: &generator)
        }
        var maximumRanges = 0
        for chunk in order {
            let first = Int64(chunk * 50 + 1)
            let lines = first...(first + 49)
            try await store.saveChunk(batchID: "bat_1", lines: lines, results: lines.map { Self.row($0) }, at: Sample.date(1))
            maximumRanges = max(maximumRanges, try await store.completedLines(batchID: "bat_1").ranges.count)
        }
        #expect(maximumRanges <= 8)
        let done = try await store.completedLines(batchID: "bat_1")
        #expect(done.ranges == [1...10_000])
        #expect(done.contiguousThrough() == 10_000)
        #expect(try await store.resultCounts(batchID: "bat_1") == ["VALID": 10_000])
    }

    @Test("after a kill mid-way, a resume redoes only missing lines and the output has every line once, in order", arguments: StoreBackend.all)
    func resume(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let lines: [Int64] = Array(2...1_001).filter { $0 % 97 != 0 }  // gaps: multi-line records, blank lines
        let chunks = stride(from: 0, to: lines.count, by: 40).map { Array(lines[$0..<min($0 + 40, lines.count)]) }
        /// A chunk covers from its first line up to the line before the next chunk (the last one through line 1,001).
        func range(_ index: Int) -> ClosedRange<Int64> {
            let first = index == 0 ? 1 : chunks[index][0]
            let last = index + 1 < chunks.count ? chunks[index + 1][0] - 1 : 1_001
            return first...last
        }
        try await fixture.store.createBatch(Self.job(), audit: nil)
        // First run: chunks 0–9 and 12 saved, then the process dies (chunks 10, 11 in flight are lost).
        for index in Array(0..<10) + [12] {
            try await fixture.store.saveChunk(batchID: "bat_1", lines: range(index), results: chunks[index].map { Self.row($0) }, at: Sample.date(1))
        }
        // Resume in a new store (a new process), skipping lines already done, with different chunk boundaries.
        let resumed = try await fixture.reopen()
        let done = try await resumed.completedLines(batchID: "bat_1")
        #expect(done.ranges.count == 2)
        let todo = lines.filter { !done.contains($0) }
        #expect(todo.count == lines.count - (chunks[0..<10].map(\.count).reduce(0, +) + chunks[12].count))
        var previousEnd = done.contiguousThrough()
        for start in stride(from: 0, to: todo.count, by: 64) {
            let part = Array(todo[start..<min(start + 64, todo.count)])
            let end = start + 64 < todo.count ? todo[start + 64] - 1 : 1_001
            try await resumed.saveChunk(batchID: "bat_1", lines: (previousEnd + 1)...end, results: part.map { Self.row($0) }, at: Sample.date(2))
            previousEnd = end
        }
        #expect(try await resumed.completedLines(batchID: "bat_1").ranges == [1...1_001])
        var seen: [Int64] = []
        for try await row in resumed.resultRows(batchID: "bat_1", pageSize: 7) {
            #expect(row.payload == Data("\(row.line);row \(row.line)".utf8))
            seen.append(row.line)
        }
        #expect(seen == lines)
        #expect(try await resumed.resultCounts(batchID: "bat_1") == ["VALID": lines.count])
    }

    @Test("streaming an empty batch yields nothing; a page size above the row count reads one page", arguments: StoreBackend.all)
    func streamingEdges(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        try await fixture.store.createBatch(Self.job(), audit: nil)
        var count = 0
        for try await _ in fixture.store.resultRows(batchID: "bat_1") { count += 1 }
        #expect(count == 0)
        try await fixture.store.saveChunk(batchID: "bat_1", lines: 1...3, results: [Self.row(1), Self.row(2), Self.row(3)], at: Sample.date(0))
        for try await _ in fixture.store.resultRows(batchID: "bat_1", pageSize: 3) { count += 1 }
        #expect(count == 3)
        #expect(try await fixture.store.results(batchID: "bat_1", afterLine: 1, limit: 1).map(\.line) == [2])
    }

    @Test("a parent is claimed for notification once per batch, across a resume and across concurrent workers", arguments: StoreBackend.all)
    func claimOnce(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        let parent = fixture.personalData.subjectKey(for: Sample.parentIIN)
        try await store.createBatch(Self.job("bat_1"), audit: nil)
        try await store.createBatch(Self.job("bat_2"), audit: nil)
        #expect(try await store.notificationClaim(batchID: "bat_1", subject: parent) == nil)
        #expect(try await store.claimNotification(batchID: "bat_1", subject: parent, line: 17, at: Sample.date(1)))
        #expect(try await store.claimNotification(batchID: "bat_1", subject: parent, line: 40, at: Sample.date(2)) == false)
        let claim = try #require(try await store.notificationClaim(batchID: "bat_1", subject: parent))
        #expect(claim == NotificationClaim(batchID: "bat_1", subject: parent, line: 17, claimedAt: Sample.date(1)))

        try await store.markNotificationSent(batchID: "bat_1", subject: parent, smsMessageID: "sms-1", at: Sample.date(3))
        #expect(try await store.notificationClaim(batchID: "bat_1", subject: parent)?.smsMessageID == "sms-1")
        #expect(try await store.notificationClaim(batchID: "bat_1", subject: parent)?.sentAt == Sample.date(3))

        let resumed = try await fixture.reopen()
        #expect(try await resumed.claimNotification(batchID: "bat_1", subject: parent, line: 17, at: Sample.date(4)) == false)
        // Another batch may notify the same parent.
        #expect(try await resumed.claimNotification(batchID: "bat_2", subject: parent, line: 17, at: Sample.date(4)))

        let other = fixture.personalData.subjectKey(for: Sample.otherChildIIN)
        let stores: [any GatewayStore] = [store, resumed]
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<10 {
                let worker = stores[index % 2]
                group.addTask { try await worker.claimNotification(batchID: "bat_1", subject: other, line: Int64(index), at: Sample.date(5)) }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(wins == 1)
        await #expect(throws: StoreError.self) {
            try await store.markNotificationSent(batchID: "bat_2", subject: other, smsMessageID: "x", at: Sample.date(6))
        }
    }
}

struct BatchCoverageTests {
    @Test("membership, contiguous prefix and line count")
    func coverage() {
        let coverage = BatchCoverage(ranges: [1...10, 21...30, 41...41])
        #expect(coverage.contains(1) && coverage.contains(10) && coverage.contains(25) && coverage.contains(41))
        #expect(!coverage.contains(0) && !coverage.contains(11) && !coverage.contains(40) && !coverage.contains(42))
        #expect(coverage.contiguousThrough() == 10)
        #expect(coverage.contiguousThrough(from: 2) == 10)
        #expect(BatchCoverage(ranges: [2...10]).contiguousThrough() == 0)
        #expect(BatchCoverage(ranges: [2...10]).contiguousThrough(from: 2) == 10)
        #expect(BatchCoverage(ranges: []).contiguousThrough() == 0)
        #expect(coverage.lineCount == 21)
    }
}

/// A small deterministic generator (SplitMix64) for shuffles that repeat.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
