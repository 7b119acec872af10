import Foundation
import GRDB
@testable import Storage
import Testing

struct SQLiteGatewayStoreTests {
    @Test("migrations are named, applied in order, and reopening applies nothing again")
    func migrations() async throws {
        let fixture = try StoreFixture()
        #expect(SQLiteGatewayStore.migrationNames == ["v1-decisions", "v1-vouchers", "v1-reviews", "v1-consents", "v1-api-keys", "v1-audit", "v1-batches", "v2-reverification", "v3-voucher-suspension"])
        try await fixture.store.append(AuditDraft(actor: "a", action: "b", subjectID: "c"))
        let reopened = try fixture.reopen()
        #expect(try await reopened.verifyChain() == .intact(entries: 1))
        let queue = try DatabaseQueue(path: fixture.path)
        let applied = try await queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
        #expect(applied == SQLiteGatewayStore.migrationNames)
        try queue.close()
        try reopened.close()
    }

    @Test("the database runs in WAL mode with synchronous NORMAL")
    func pragmas() async throws {
        let fixture = try StoreFixture()
        let queue = try DatabaseQueue(path: fixture.path)
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        try queue.close()
        // synchronous is per connection: check the store's own writer connection.
        #expect(try await fixture.store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)
    }

    @Test("a database written by a newer build (unknown migration) is refused")
    func newerSchema() async throws {
        let fixture = try StoreFixture()
        let queue = try DatabaseQueue(path: fixture.path)
        try await queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        try queue.close()
        #expect(throws: StoreError.migration("the database was written by a newer build (unknown migrations)")) { _ = try fixture.reopen() }
    }

    @Test("a store is writable until it is closed")
    func writable() async throws {
        let fixture = try StoreFixture()
        #expect(await fixture.store.isWritable())
        try fixture.store.close()
        #expect(await fixture.store.isWritable() == false)
    }

    @Test("a directory that does not exist is a database error, not a crash")
    func unopenable() {
        #expect(throws: StoreError.self) { _ = try SQLiteGatewayStore(path: "/nonexistent-dir/x/qorgan.sqlite", keys: .generate()) }
    }
}

struct StoreErrorTests {
    @Test("short descriptions are fixed labels, free of ids", arguments: [
        (StoreError.notFound(kind: "decision", id: "dec_1"), "not-found"), (.conflict("review rev_1 is already resolved"), "conflict"),
        (.payloadUnreadable(id: "decision:dec_1"), "payload-unreadable"), (.database("SQLITE_BUSY"), "database"), (.migration("x"), "migration"),
    ])
    func shortDescriptions(error: StoreError, label: String) {
        #expect(error.shortDescription == label)
    }
}
