import Foundation
import GRDB
import Storage
import Testing

struct AuditLogTests {
    /// A store with five chained entries, verified two per page (so paging is exercised).
    static func chained(_ backend: StoreBackend = .sqlite, entries count: Int = 5) async throws -> BackendFixture {
        let fixture = try await BackendFixture(backend, auditPageSize: 2)
        for index in 1...count {
            try await fixture.store.append(
                AuditDraft(
                    actor: "op-\(index)", action: "review.resolved", subjectID: "rev_\(index % 2)", registryMessageIDs: ["msg-\(index)", "msg-shared"],
                    details: ["outcome": "REJECT", "index": "\(index)"]))
        }
        return fixture
    }

    /// Raw SQL on the database, as someone with the disk would run it (dropping the append-only guards first).
    static func tamper(_ fixture: BackendFixture, _ sql: String) async throws {
        try await fixture.tamper(sql)
    }

    @Test("entries chain: sequence without gaps, each previous hash is the hash before, the first links to zeros", arguments: StoreBackend.all)
    func chain(backend: StoreBackend) async throws {
        let fixture = try await Self.chained(backend)
        let entries = try await fixture.store.entries(AuditQuery(limit: 10)).reversed()
        #expect(entries.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(entries.first?.previousHash == AuditCanonicalForm.genesisHash)
        for (previous, entry) in zip(entries, entries.dropFirst()) {
            #expect(entry.previousHash == previous.hash)
            #expect(AuditCanonicalForm.hash(of: entry) == entry.hash)
        }
        #expect(try await fixture.store.verifyChain() == .intact(entries: 5))
    }

    @Test("an empty log is intact with zero entries", arguments: StoreBackend.all)
    func empty(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        #expect(try await fixture.store.verifyChain() == .intact(entries: 0))
    }

    @Test("entries are found by subject id and by registry message id, newest first", arguments: StoreBackend.all)
    func search(backend: StoreBackend) async throws {
        let fixture = try await Self.chained(backend)
        let store = fixture.store
        #expect(try await store.entries(AuditQuery(subjectID: "rev_1")).map(\.sequence) == [5, 3, 1])
        #expect(try await store.entries(AuditQuery(registryMessageID: "msg-4")).map(\.sequence) == [4])
        #expect(try await store.entries(AuditQuery(registryMessageID: "msg-shared", limit: 2)).map(\.sequence) == [5, 4])
        #expect(try await store.entries(AuditQuery(subjectID: "rev_0", registryMessageID: "msg-shared")).map(\.sequence) == [4, 2])
        #expect(try await store.entries(AuditQuery(registryMessageID: "msg-none")).isEmpty)
        let entry = try #require(try await store.entries(AuditQuery(registryMessageID: "msg-2")).first)
        #expect(entry.draft == AuditDraft(actor: "op-2", action: "review.resolved", subjectID: "rev_0", registryMessageIDs: ["msg-2", "msg-shared"],
            details: ["outcome": "REJECT", "index": "2"]))
    }

    @Test("the schema refuses UPDATE and DELETE of audit entries and of the chain head")
    func appendOnly() async throws {
        let fixture = try await Self.chained()
        let queue = try DatabaseQueue(path: fixture.path)
        for sql in [
            "UPDATE audit_entry SET actor = 'x' WHERE sequence = 2", "DELETE FROM audit_entry WHERE sequence = 5", "DELETE FROM audit_head",
            "UPDATE audit_head SET last_sequence = 4",
        ] {
            await #expect(throws: DatabaseError.self) { try await queue.write { db in try db.execute(sql: sql) } }
        }
        try queue.close()
        #expect(try await fixture.store.verifyChain() == .intact(entries: 5))
    }

    @Test(
        "editing any column of an entry by raw SQL is reported as that entry edited",
        arguments: StoreBackend.all, [
            "actor = 'someone-else'", "action = 'review.opened'", "subject_id = 'rev_9'", "registry_message_ids = '[\"msg-3\"]'",
            "details = '{\"index\":\"3\",\"outcome\":\"ACTIVATE\"}'", "recorded_at = recorded_at + 1", "previous_hash = '\(String(repeating: "1", count: 64))'",
            "hash = '\(String(repeating: "2", count: 64))'", "details = 'not json'", "actor = X'ff'",
        ])
    func edited(backend: StoreBackend, assignment: String) async throws {
        // A blob in a text column is SQLite's own kind of damage; PostgreSQL's types refuse it outright.
        if backend == .postgres, assignment.contains("X'") { return }
        let fixture = try await Self.chained(backend)
        try await fixture.tamper("UPDATE audit_entry SET \(assignment) WHERE sequence = 3")
        #expect(try await fixture.store.verifyChain() == .edited(sequence: 3))
    }

    @Test("deleting a middle entry is reported as entries deleted after the one before it", arguments: StoreBackend.all)
    func deletedMiddle(backend: StoreBackend) async throws {
        let fixture = try await Self.chained(backend)
        try await fixture.tamper("DELETE FROM audit_message_id WHERE sequence = 3; DELETE FROM audit_entry WHERE sequence = 3")
        #expect(try await fixture.store.verifyChain() == .deleted(afterSequence: 2))
    }

    @Test("deleting the newest entries is detected through the chain head", arguments: StoreBackend.all)
    func deletedNewest(backend: StoreBackend) async throws {
        let fixture = try await Self.chained(backend)
        try await fixture.tamper("DELETE FROM audit_message_id WHERE sequence >= 4; DELETE FROM audit_entry WHERE sequence >= 4")
        #expect(try await fixture.store.verifyChain() == .deleted(afterSequence: 3))
    }

    @Test("renumbering after a deletion breaks the previous-hash link")
    func renumbered() async throws {
        let fixture = try await Self.chained()
        try await Self.tamper(
            fixture,
            """
            DELETE FROM audit_message_id; DELETE FROM audit_entry WHERE sequence = 2;
            UPDATE audit_entry SET sequence = sequence - 1 WHERE sequence > 2;
            DROP TRIGGER audit_head_forward_only; UPDATE audit_head SET last_sequence = 4 WHERE id = 1;
            """)
        // Entry 2 is now the old entry 3: its sequence changed, so its own hash no longer matches.
        #expect(try await fixture.store.verifyChain() == .edited(sequence: 2))
    }

    @Test("an entry rewritten with a recomputed hash breaks the link from the next entry", arguments: StoreBackend.all)
    func rewrittenWithHash(backend: StoreBackend) async throws {
        let fixture = try await Self.chained(backend)
        let entry = try #require(try await fixture.store.entries(AuditQuery(limit: 10)).first { $0.sequence == 3 })
        var forged = entry.draft
        forged.details["outcome"] = "ACTIVATE"
        let hash = AuditCanonicalForm.hash(
            previousHash: entry.previousHash, sequence: 3, recordedAtMilliseconds: AuditCanonicalForm.milliseconds(entry.recordedAt), draft: forged)
        try await fixture.tamper("UPDATE audit_entry SET details = '{\"index\":\"3\",\"outcome\":\"ACTIVATE\"}', hash = '\(hash)' WHERE sequence = 3")
        #expect(try await fixture.store.verifyChain() == .deleted(afterSequence: 3))
    }

    @Test("rewriting the newest entry with a recomputed hash is caught by the chain head", arguments: StoreBackend.all)
    func rewrittenNewest(backend: StoreBackend) async throws {
        let fixture = try await Self.chained(backend)
        let entry = try #require(try await fixture.store.entries(AuditQuery(limit: 1)).first)
        var forged = entry.draft
        forged.actor = "someone-else"
        let hash = AuditCanonicalForm.hash(
            previousHash: entry.previousHash, sequence: 5, recordedAtMilliseconds: AuditCanonicalForm.milliseconds(entry.recordedAt), draft: forged)
        try await fixture.tamper("UPDATE audit_entry SET actor = 'someone-else', hash = '\(hash)' WHERE sequence = 5")
        #expect(try await fixture.store.verifyChain() == .edited(sequence: 5))
    }

    @Test("an entry inserted behind the head's back is reported", arguments: StoreBackend.all)
    func insertedBeyondHead(backend: StoreBackend) async throws {
        let fixture = try await Self.chained(backend)
        let last = try #require(try await fixture.store.entries(AuditQuery(limit: 1)).first)
        let draft = AuditDraft(actor: "x", action: "y", subjectID: "z")
        let hash = AuditCanonicalForm.hash(previousHash: last.hash, sequence: 6, recordedAtMilliseconds: 1, draft: draft)
        try await fixture.tamper("""
            INSERT INTO audit_entry (sequence, recorded_at, actor, action, subject_id, registry_message_ids, details, previous_hash, hash)
            VALUES (6, 1, 'x', 'y', 'z', '[]', '{}', '\(last.hash)', '\(hash)')
            """)
        #expect(try await fixture.store.verifyChain() == .edited(sequence: 6))
    }

    @Test("verification without keys, read-only, by path; a missing file is not found")
    func verifyByPath() async throws {
        let fixture = try await Self.chained()
        #expect(try await SQLiteGatewayStore.verifyAuditChain(databaseAt: fixture.path, pageSize: 3) == .intact(entries: 5))
        try await Self.tamper(fixture, "UPDATE audit_entry SET actor = 'x' WHERE sequence = 1")
        #expect(try await SQLiteGatewayStore.verifyAuditChain(databaseAt: fixture.path) == .edited(sequence: 1))
        let missing = fixture.directory.appendingPathComponent("missing.sqlite").path
        await #expect(throws: StoreError.notFound(kind: "database", id: missing)) {
            _ = try await SQLiteGatewayStore.verifyAuditChain(databaseAt: missing)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("concurrent appends from two stores on one file keep one unforked chain", arguments: StoreBackend.all)
    func concurrentAppends(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let other = try await fixture.reopen()
        let stores: [any GatewayStore] = [fixture.store, other]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                let store = stores[index % 2]
                group.addTask { try await store.append(AuditDraft(actor: "w\(index % 2)", action: "test", subjectID: "s\(index)")) }
            }
            try await group.waitForAll()
        }
        #expect(try await fixture.store.verifyChain() == .intact(entries: 40))
    }
}

struct AuditCanonicalFormTests {
    @Test("the canonical form is length-prefixed, sorts details by key and keeps message order")
    func canonicalBytes() {
        let draft = AuditDraft(
            actor: "op", action: "review.resolved", subjectID: "rev_1", registryMessageIDs: ["m2", "m1"], details: ["b": "2", "a": "x:y"])
        let text = String(decoding: AuditCanonicalForm.bytes(previousHash: "ab", sequence: 7, recordedAtMilliseconds: 1_750_000_000_123, draft: draft), as: UTF8.self)
        #expect(
            text == """
                qorgan-audit-v1
                previous:ab
                sequence:7
                recordedAt:1750000000123
                actor:2:op
                action:15:review.resolved
                subject:5:rev_1
                messages:2
                message:2:m2
                message:2:m1
                details:2
                detail:1:a:3:x:y
                detail:1:b:1:2

                """)
        // SHA-256 of the text above, computed independently (Python hashlib).
        #expect(
            AuditCanonicalForm.hash(previousHash: "ab", sequence: 7, recordedAtMilliseconds: 1_750_000_000_123, draft: draft)
                == Self.expectedHash)
    }

    static let expectedHash = "29c12bd19b560956b3261b55c2d98c3f77fc0723bf04ea4d9e7d9800c66c65a8"

    @Test("a value cannot imitate a field boundary")
    func noAmbiguity() {
        let a = AuditDraft(actor: "op\naction:1:x", action: "y", subjectID: "s")
        let b = AuditDraft(actor: "op", action: "x\naction:1:y", subjectID: "s")
        #expect(
            AuditCanonicalForm.hash(previousHash: "0", sequence: 1, recordedAtMilliseconds: 0, draft: a)
                != AuditCanonicalForm.hash(previousHash: "0", sequence: 1, recordedAtMilliseconds: 0, draft: b))
    }
}
