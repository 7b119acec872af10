import Foundation
import GRDB
import Identifiers
import Storage
import Testing

struct DecisionStoreTests {
    @Test("a recorded decision reads back by id and by client request id, payload decrypted, with its audit entry", arguments: StoreBackend.all)
    func recordAndRead(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        let child = fixture.personalData.subjectKey(for: Sample.childIIN)
        let parent = fixture.personalData.subjectKey(for: Sample.parentIIN)
        let decision = Sample.decision(id: "dec_1", reasonCodes: ["NAME_MISMATCH", "PARENT_LINK_MISSING"], subjects: [child, parent], clientRequestID: "req-1")
        let outcome = try await store.record(DecisionWrite(decision: decision, audit: Sample.audit(subject: "dec_1", messages: ["msg-1"])))
        guard case .recorded(let recorded) = outcome else { Issue.record("expected .recorded, got \(outcome)"); return }
        #expect(recorded == decision)
        #expect(try await store.decision(id: "dec_1") == decision)
        #expect(try await store.decision(kind: .voucherActivation, clientRequestID: "req-1") == decision)
        #expect(try await store.decision(kind: .registration, clientRequestID: "req-1") == nil)
        #expect(try await store.decision(id: "dec_missing") == nil)
        let audit = try await store.entries(AuditQuery(subjectID: "dec_1"))
        #expect(audit.map(\.draft.action) == ["decision.recorded"])
    }

    @Test("the same client request id for the same kind replays the first decision and writes nothing", arguments: StoreBackend.all)
    func idempotentReplay(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        let first = Sample.decision(id: "dec_1", clientRequestID: "req-1")
        _ = try await store.record(DecisionWrite(decision: first, audit: Sample.audit(subject: "dec_1")))
        let second = Sample.decision(id: "dec_2", outcome: "REJECT", clientRequestID: "req-1")
        let outcome = try await store.record(DecisionWrite(decision: second, audit: Sample.audit(subject: "dec_2")))
        guard case .replayed(let earlier) = outcome else { Issue.record("expected .replayed, got \(outcome)"); return }
        #expect(earlier == first)
        #expect(earlier.requestFingerprint == "fp-req-1")
        #expect(try await store.decision(id: "dec_2") == nil)
        #expect(try await store.entries(AuditQuery(subjectID: "dec_2")).isEmpty)
        // Another kind may use the same client request id.
        let registration = Sample.decision(id: "dec_3", kind: .registration, outcome: "MATCH", clientRequestID: "req-1")
        guard case .recorded = try await store.record(DecisionWrite(decision: registration, audit: Sample.audit(subject: "dec_3"))) else {
            Issue.record("another kind should record")
            return
        }
    }

    @Test("a voucher overlapping an active voucher of the same child conflicts and nothing is written", arguments: StoreBackend.all)
    func voucherOverlap(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        let child = fixture.personalData.subjectKey(for: Sample.childIIN)
        let first = Sample.voucher(id: "vch_1", child: child, decisionID: "dec_1", from: "2025-09-01", to: "2026-05-31")
        _ = try await store.record(DecisionWrite(decision: Sample.decision(id: "dec_1", subjects: [child]), voucher: first, audit: Sample.audit(subject: "dec_1")))
        #expect(try await store.activeVouchers(child: child, overlapping: Sample.day("2026-05-31"), Sample.day("2026-06-30")) == [first])
        #expect(try await store.activeVouchers(child: child, overlapping: Sample.day("2026-06-01"), Sample.day("2026-08-31")).isEmpty)

        let overlapping = Sample.voucher(id: "vch_2", child: child, decisionID: "dec_2", from: "2026-05-01", to: "2026-08-31")
        let outcome = try await store.record(
            DecisionWrite(decision: Sample.decision(id: "dec_2", subjects: [child]), voucher: overlapping, audit: Sample.audit(subject: "dec_2")))
        guard case .voucherConflict(let existing) = outcome else { Issue.record("expected conflict, got \(outcome)"); return }
        #expect(existing == first)
        #expect(try await store.decision(id: "dec_2") == nil)

        // The day after the first period ends is free; another child is unaffected.
        let adjacent = Sample.voucher(id: "vch_3", child: child, decisionID: "dec_3", from: "2026-06-01", to: "2026-08-31")
        guard case .recorded = try await store.record(
            DecisionWrite(decision: Sample.decision(id: "dec_3", subjects: [child]), voucher: adjacent, audit: Sample.audit(subject: "dec_3")))
        else { Issue.record("adjacent period should record"); return }
        let other = fixture.personalData.subjectKey(for: Sample.otherChildIIN)
        let otherVoucher = Sample.voucher(id: "vch_4", child: other, decisionID: "dec_4", from: "2025-09-01", to: "2026-05-31")
        guard case .recorded = try await store.record(
            DecisionWrite(decision: Sample.decision(id: "dec_4", subjects: [other]), voucher: otherVoucher, audit: Sample.audit(subject: "dec_4")))
        else { Issue.record("another child should record"); return }
        #expect(try await store.activeVouchers(child: child, overlapping: Sample.day("2025-01-01"), Sample.day("2027-01-01")).map(\.id) == ["vch_1", "vch_3"])
    }

    @Test("two stores on one file (two processes) racing for overlapping vouchers: exactly one wins", arguments: StoreBackend.all, 0..<3)
    func concurrentWriters(backend: StoreBackend, round: Int) async throws {
        let fixture = try await BackendFixture(backend)
        let second = try await fixture.reopen()
        let child = fixture.personalData.subjectKey(for: Sample.childIIN)
        let stores: [any GatewayStore] = [fixture.store, second]
        let outcomes = try await withThrowingTaskGroup(of: DecisionWriteOutcome.self) { group in
            for index in 0..<8 {
                let store = stores[index % 2]
                group.addTask {
                    let id = "dec_\(round)_\(index)"
                    let voucher = Sample.voucher(id: "vch_\(index)", child: child, decisionID: id, from: "2025-09-01", to: "2026-05-31")
                    return try await store.record(DecisionWrite(decision: Sample.decision(id: id, subjects: [child]), voucher: voucher, audit: Sample.audit(subject: id)))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let recorded = outcomes.filter { if case .recorded = $0 { true } else { false } }
        let conflicts = outcomes.filter { if case .voucherConflict = $0 { true } else { false } }
        #expect(recorded.count == 1)
        #expect(conflicts.count == 7)
        #expect(try await fixture.store.activeVouchers(child: child, overlapping: Sample.day("2025-01-01"), Sample.day("2027-01-01")).count == 1)
        #expect(try await second.verifyChain() == .intact(entries: 1))
    }

    @Test("two stores on one file replaying one client request id concurrently record it once", arguments: StoreBackend.all)
    func concurrentReplays(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let second = try await fixture.reopen()
        let stores: [any GatewayStore] = [fixture.store, second]
        let outcomes = try await withThrowingTaskGroup(of: DecisionWriteOutcome.self) { group in
            for index in 0..<6 {
                let store = stores[index % 2]
                group.addTask {
                    try await store.record(DecisionWrite(decision: Sample.decision(id: "dec_\(index)", clientRequestID: "req-same"), audit: Sample.audit(subject: "dec_\(index)")))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let recordedIDs = outcomes.compactMap { if case .recorded(let d) = $0 { d.id } else { nil } }
        let replayedIDs = outcomes.compactMap { if case .replayed(let d) = $0 { d.id } else { nil } }
        #expect(recordedIDs.count == 1)
        #expect(replayedIDs.count == 5)
        #expect(Set(replayedIDs) == Set(recordedIDs))
    }

    @Test("a decision with a review opens it in the same transaction", arguments: StoreBackend.all)
    func decisionWithReview(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let review = Sample.review(id: "rev_1", decisionID: "dec_1", codes: ["REGISTRY_UNAVAILABLE"], region: "751110000", at: 5)
        _ = try await fixture.store.record(
            DecisionWrite(decision: Sample.decision(id: "dec_1", outcome: "REVIEW"), review: review, audit: Sample.audit(subject: "dec_1")))
        #expect(try await fixture.store.review(id: "rev_1") == review)
    }

    @Test("a failing part rolls the whole write back (decision, review and audit entry)", arguments: StoreBackend.all)
    func atomicity(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        _ = try await store.record(DecisionWrite(decision: Sample.decision(id: "dec_1"), audit: Sample.audit(subject: "dec_1")))
        // A review id that already exists makes the second write fail after the decision row was inserted.
        let review = Sample.review(id: "rev_1", decisionID: "dec_2", codes: ["X"], region: nil, at: 0)
        _ = try await store.record(DecisionWrite(decision: Sample.decision(id: "dec_2", outcome: "REVIEW"), review: review, audit: Sample.audit(subject: "dec_2")))
        await #expect(throws: StoreError.self) {
            _ = try await store.record(
                DecisionWrite(decision: Sample.decision(id: "dec_3", outcome: "REVIEW"), review: review, audit: Sample.audit(subject: "dec_3")))
        }
        #expect(try await store.decision(id: "dec_3") == nil)
        #expect(try await store.entries(AuditQuery(subjectID: "dec_3")).isEmpty)
        #expect(try await store.verifyChain() == .intact(entries: 2))
    }

    @Test("payloads are unreadable with another payload key, and the IIN and names never appear in the file in clear")
    func personalDataAtRest() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let child = store.personalData.subjectKey(for: Sample.childIIN)
        let parent = store.personalData.subjectKey(for: Sample.parentIIN)
        let payload = #"{"child":{"iin":"150601500436","name":"Алия Серикова"},"parent":{"iin":"850415300121"}}"#
        let review = Sample.review(id: "rev_1", decisionID: "dec_1", codes: ["NAME_MISMATCH"], region: nil, at: 0)
        _ = try await store.record(
            DecisionWrite(
                decision: Sample.decision(id: "dec_1", outcome: "REVIEW", subjects: [child, parent], payload: payload), review: review,
                audit: Sample.audit(subject: "dec_1")))
        _ = try await store.resolve(id: "rev_1", resolution: "ACTIVATE", comment: "спросили маму, ИИН 850415300121 верный", actor: "op", voucher: nil,
            audit: Sample.audit("review.resolved", subject: "rev_1"))
        try await store.create(
            ConsentRecord(id: "cns_1", subject: parent, codeHash: "h", createdAt: Sample.date(0), expiresAt: Sample.date(300)),
            audit: Sample.audit("consent.created", subject: "cns_1"))
        try await store.createBatch(BatchJob(id: "bat_1", inputName: "parents.csv", createdAt: Sample.date(0)), audit: nil)
        try await store.saveChunk(
            batchID: "bat_1", lines: 1...2, results: [BatchRowResult(line: 2, status: "VALID", payload: Data("850415300121;Серикова Алия".utf8))],
            at: Sample.date(1))
        #expect(try await store.decision(id: "dec_1")?.payload == Data(payload.utf8))

        let bytes = try fixture.fileBytes()
        for secret in ["150601500436", "850415300121", "Алия", "Серикова", "спросили"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret.prefix(4))… found in the database file")
        }
        #expect(bytes.range(of: Data(child.hex.utf8)) != nil, "subject keys are stored (the test reads the right bytes)")

        let wrongPayloadKey = try StoreKeys(lookupKeyBase64: fixture.keys.lookupKeyBase64, payloadKeyBase64: StoreKeys.generate().payloadKeyBase64)
        let other = try fixture.reopen(keys: wrongPayloadKey)
        await #expect(throws: StoreError.payloadUnreadable(id: "decision:dec_1")) { _ = try await other.decision(id: "dec_1") }
        await #expect(throws: StoreError.payloadUnreadable(id: "review-comment:rev_1")) { _ = try await other.review(id: "rev_1") }
        await #expect(throws: StoreError.payloadUnreadable(id: "batch:bat_1:2")) { _ = try await other.results(batchID: "bat_1", afterLine: 0, limit: 10) }
        try other.close()
    }

    @Test("a payload copied onto another decision's row does not open (it is bound to its id)")
    func payloadBoundToRow() async throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        _ = try await store.record(DecisionWrite(decision: Sample.decision(id: "dec_1", payload: "one"), audit: Sample.audit(subject: "dec_1")))
        _ = try await store.record(DecisionWrite(decision: Sample.decision(id: "dec_2", payload: "two"), audit: Sample.audit(subject: "dec_2")))
        let queue = try DatabaseQueue(path: fixture.path)
        try await queue.write { db in
            try db.execute(sql: "UPDATE decision SET payload = (SELECT payload FROM decision WHERE id = 'dec_1') WHERE id = 'dec_2'")
        }
        try queue.close()
        await #expect(throws: StoreError.payloadUnreadable(id: "decision:dec_2")) { _ = try await store.decision(id: "dec_2") }
    }
}
