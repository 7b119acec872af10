import Foundation
@testable import PostgresStorage
import Storage
import Testing

/// What only PostgreSQL has: its migrations table, its guards, many pools appending to one chain, and chunk leases.
@Suite(.enabled(if: PostgresTestDatabase.isRequested, "needs QORGAN_TEST_POSTGRES_URL (scripts/with-postgres.sh)"))
struct PostgresGatewayStoreTests {
    @Test("migrations carry SQLite's names and meaning, then PostgreSQL's own; reopening applies nothing again")
    func migrations() async throws {
        let fixture = try await BackendFixture(.postgres)
        let store = try #require(fixture.postgres)
        let shared = ["v1-decisions", "v1-vouchers", "v1-reviews", "v1-consents", "v1-api-keys", "v1-audit", "v1-batches"]
        #expect(Array(PostgresGatewayStore.migrationNames.prefix(shared.count)) == shared)
        #expect(Array(SQLiteGatewayStore.migrationNames.prefix(shared.count)) == shared)
        #expect(PostgresGatewayStore.migrationNames.contains("v2-batch-leases"))
        #expect(try await store.appliedMigrationNames() == PostgresGatewayStore.migrationNames)
        try await store.append(AuditDraft(actor: "a", action: "b", subjectID: "c"))
        let reopened = try await fixture.reopen()
        #expect(try await reopened.verifyChain() == .intact(entries: 1))
        #expect(try await store.appliedMigrationNames() == PostgresGatewayStore.migrationNames)
    }

    @Test("a database migrated by a newer build (unknown migration) is refused")
    func newerSchema() async throws {
        let fixture = try await BackendFixture(.postgres)
        let store = try #require(fixture.postgres)
        try await store.execute(unsafeSQL: ["INSERT INTO qorgan_migrations (name, applied_at) VALUES ('v9-future', 0)"])
        await #expect(throws: StoreError.migration("the database was written by a newer build (unknown migrations)")) {
            _ = try await fixture.reopen()
        }
    }

    @Test("the schema refuses UPDATE, DELETE and TRUNCATE of audit entries and any head move but one step forward")
    func appendOnly() async throws {
        let fixture = try await AuditLogTests.chained(.postgres)
        let store = try #require(fixture.postgres)
        for sql in [
            "UPDATE audit_entry SET actor = 'x' WHERE sequence = 2", "DELETE FROM audit_entry WHERE sequence = 5", "TRUNCATE audit_message_id, audit_entry",
            "DELETE FROM audit_head", "UPDATE audit_head SET last_sequence = 4", "TRUNCATE audit_head",
        ] {
            await #expect(throws: StoreError.self, "\(sql)") { try await store.execute(unsafeSQL: [sql]) }
        }
        #expect(try await store.verifyChain() == .intact(entries: 5))
    }

    @Test("four pools (four gateways) appending and recording at once keep one unforked chain", .timeLimit(.minutes(2)))
    func concurrentChain() async throws {
        let fixture = try await BackendFixture(.postgres)
        var stores: [any GatewayStore] = [fixture.store]
        for _ in 0..<3 { stores.append(try await fixture.reopen()) }
        let pools = stores
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<120 {
                let store = pools[index % pools.count]
                group.addTask {
                    if index % 3 == 0 {
                        let id = "dec_\(index)"
                        _ = try await store.record(DecisionWrite(decision: Sample.decision(id: id, clientRequestID: "req-\(index / 3 % 9)"), audit: Sample.audit(subject: id)))
                    } else {
                        try await store.append(AuditDraft(actor: "gateway-\(index % pools.count)", action: "test", subjectID: "s\(index)"))
                    }
                }
            }
            try await group.waitForAll()
        }
        // 80 appends, and of the 40 decisions one per client request id (9 ids) was recorded with its entry.
        #expect(try await fixture.store.verifyChain() == .intact(entries: 89))
        let entries = try await fixture.store.entries(AuditQuery(limit: 200))
        #expect(Set(entries.map(\.sequence)) == Set(1...89))
        #expect(Set(entries.map(\.hash)).count == 89)
    }

    @Test("the URL keeps its parts, masks its password and refuses what it cannot use")
    func url() throws {
        let url = try PostgresDatabaseURL("postgres://qorgan:s3cret%40x@db.internal:6543/gateway?sslmode=require&schema=tenant_1")
        #expect(url.host == "db.internal" && url.port == 6543 && url.username == "qorgan" && url.password == "s3cret@x")
        #expect(url.database == "gateway" && url.tls == .require && url.schema == "tenant_1")
        #expect(url.description == "postgres://qorgan:***@db.internal:6543/gateway?sslmode=require&schema=tenant_1")
        #expect(!url.description.contains("s3cret"))
        let local = try PostgresDatabaseURL("postgresql://qorgan@127.0.0.1/qorgan")
        #expect(local.port == 5432 && local.tls == .disable && local.schema == "public" && local.password == nil)
        for bad in ["mysql://x@y/z", "postgres:///nohost", "postgres://a@b/c?schema=Robert'); DROP", "postgres://a@b/c?sslmode=sometimes", "postgres://a@b/c?x=1"] {
            #expect(throws: PostgresDatabaseURL.Invalid.self, "\(bad)") { _ = try PostgresDatabaseURL(bad) }
        }
        #expect(PostgresDatabaseURL.isPostgresURL("postgres://a@b/c") && !PostgresDatabaseURL.isPostgresURL("var/qorgan.sqlite"))
    }
}

/// Chunk leases: `SELECT … FOR UPDATE SKIP LOCKED`, expiry, take-over and fenced completion.
@Suite(.enabled(if: PostgresTestDatabase.isRequested, "needs QORGAN_TEST_POSTGRES_URL (scripts/with-postgres.sh)"))
struct ChunkLeaseTests {
    static func plannedJob(chunks: Int, rows: Int = 10) async throws -> (BackendFixture, PostgresGatewayStore) {
        let fixture = try await BackendFixture(.postgres)
        let store = try #require(fixture.postgres)
        try await store.createBatch(BatchJob(id: "bat_1", status: .running, inputName: "parents.csv", createdAt: Sample.date(0)), audit: nil)
        let plan = (0..<chunks).map { index in
            BatchChunkPlan(lines: Int64(index * rows + 1)...Int64(index * rows + rows), rows: rows)
        }
        try await store.planChunks(batchID: "bat_1", chunks: plan, at: Sample.date(0))
        try await store.planChunks(batchID: "bat_1", chunks: plan, at: Sample.date(1))  // planning twice changes nothing
        return (fixture, store)
    }

    static func rows(_ lines: ClosedRange<Int64>, status: String = "VALID") -> [BatchRowResult] {
        lines.map { BatchRowResult(line: $0, status: status, payload: Data("row \($0)".utf8)) }
    }

    @Test("workers lease different chunks in line order; a completed chunk's rows are saved and it is never leased again")
    func leaseAndComplete() async throws {
        let (fixture, store) = try await Self.plannedJob(chunks: 3)
        defer { withExtendedLifetime(fixture) {} }  // the fixture owns the schema and the pools
        #expect(try await store.chunkProgress(batchID: "bat_1", at: Sample.date(1)) == BatchChunkProgress(pending: 3, leased: 0, expired: 0, done: 0))
        let a = try #require(try await store.leaseChunk(worker: "a", batchID: nil, duration: .seconds(30), at: Sample.date(1)))
        let b = try #require(try await store.leaseChunk(worker: "b", batchID: "bat_1", duration: .seconds(30), at: Sample.date(1)))
        #expect(a.lines == 1...10 && b.lines == 11...20)
        #expect(a.token == 1 && a.attempt == 1 && a.expiresAt == Sample.date(31) && a.rows == 10)
        #expect(try await store.completeChunk(a, results: Self.rows(1...10), at: Sample.date(2)) == 10)
        let c = try #require(try await store.leaseChunk(worker: "a", batchID: nil, duration: .seconds(30), at: Sample.date(3)))
        #expect(c.lines == 21...30)
        #expect(try await store.leaseChunk(worker: "c", batchID: nil, duration: .seconds(30), at: Sample.date(3)) == nil)
        #expect(try await store.chunkProgress(batchID: "bat_1", at: Sample.date(3)) == BatchChunkProgress(pending: 0, leased: 2, expired: 0, done: 1))
        #expect(try await store.completedLines(batchID: "bat_1") == BatchCoverage(ranges: [1...10]))
        #expect(try await store.resultCounts(batchID: "bat_1") == ["VALID": 10])
        await #expect(throws: StoreError.self) { try await store.completeChunk(b, results: Self.rows(21...21), at: Sample.date(4)) }
    }

    @Test("a dead worker's lease expires, another worker takes the chunk over, and the dead one can neither renew nor complete")
    func takeOver() async throws {
        let (fixture, store) = try await Self.plannedJob(chunks: 1)
        defer { withExtendedLifetime(fixture) {} }  // the fixture owns the schema and the pools
        let dead = try #require(try await store.leaseChunk(worker: "dead", batchID: nil, duration: .seconds(10), at: Sample.date(0)))
        let renewed = try await store.renewLease(dead, duration: .seconds(10), at: Sample.date(5))
        #expect(renewed.expiresAt == Sample.date(15) && renewed.token == dead.token)
        #expect(try await store.leaseChunk(worker: "live", batchID: nil, duration: .seconds(10), at: Sample.date(14)) == nil)
        #expect(try await store.chunkProgress(batchID: "bat_1", at: Sample.date(16)) == BatchChunkProgress(pending: 0, leased: 0, expired: 1, done: 0))
        let live = try #require(try await store.leaseChunk(worker: "live", batchID: nil, duration: .seconds(10), at: Sample.date(16)))
        #expect(live.lines == dead.lines && live.token == dead.token + 1 && live.attempt == 2)
        await #expect(throws: StoreError.conflict("lease on chunk bat_1/1 was lost")) { _ = try await store.renewLease(dead, duration: .seconds(10), at: Sample.date(17)) }
        await #expect(throws: StoreError.conflict("lease on chunk bat_1/1 was lost")) {
            try await store.completeChunk(dead, results: Self.rows(1...10, status: "STALE"), at: Sample.date(17))
        }
        #expect(try await store.completeChunk(live, results: Self.rows(1...10), at: Sample.date(18)) == 10)
        #expect(try await store.resultCounts(batchID: "bat_1") == ["VALID": 10])
        #expect(try await store.chunkProgress(batchID: "bat_1", at: Sample.date(18)).isComplete)
    }

    @Test("only running jobs hand out chunks; results outside the chunk are refused and nothing is saved")
    func refusals() async throws {
        let (fixture, store) = try await Self.plannedJob(chunks: 2)
        defer { withExtendedLifetime(fixture) {} }  // the fixture owns the schema and the pools
        _ = try await store.updateBatch(id: "bat_1", status: .failed, counts: [:], failureReason: "stopped", at: Sample.date(1), audit: nil)
        #expect(try await store.leaseChunk(worker: "a", batchID: nil, duration: .seconds(30), at: Sample.date(1)) == nil)
        _ = try await store.updateBatch(id: "bat_1", status: .running, counts: [:], failureReason: nil, at: Sample.date(2), audit: nil)
        let lease = try #require(try await store.leaseChunk(worker: "a", batchID: nil, duration: .seconds(30), at: Sample.date(2)))
        await #expect(throws: StoreError.conflict("result line 11 lies outside chunk lines 1…10")) {
            try await store.completeChunk(lease, results: Self.rows(1...11), at: Sample.date(3))
        }
        #expect(try await store.resultCounts(batchID: "bat_1").isEmpty)
        await #expect(throws: StoreError.notFound(kind: "batch", id: "bat_9")) {
            try await store.planChunks(batchID: "bat_9", chunks: [BatchChunkPlan(lines: 1...2, rows: 1)], at: Sample.date(0))
        }
    }

    @Test("eight workers on four pools leasing at once each get distinct chunks until all 40 are done", .timeLimit(.minutes(2)))
    func concurrentLeases() async throws {
        let (fixture, store) = try await Self.plannedJob(chunks: 40, rows: 5)
        defer { withExtendedLifetime(fixture) {} }  // the fixture owns the schema and the pools
        var pools: [PostgresGatewayStore] = [store]
        for _ in 0..<3 { pools.append(try #require(try await fixture.reopen() as? PostgresGatewayStore)) }
        let all = pools
        let taken = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<8 {
                let pool = all[worker % all.count]
                group.addTask {
                    var mine: [Int64] = []
                    while let lease = try await pool.leaseChunk(worker: "w\(worker)", batchID: nil, duration: .seconds(60), at: Date()) {
                        try await pool.completeChunk(lease, results: Self.rows(lease.lines), at: Date())
                        mine.append(lease.lines.lowerBound)
                    }
                    return mine
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(taken.count == 40)
        #expect(Set(taken).count == 40)
        #expect(try await store.completedLines(batchID: "bat_1") == BatchCoverage(ranges: [1...200]))
        #expect(try await store.resultCounts(batchID: "bat_1") == ["VALID": 200])
    }
}
