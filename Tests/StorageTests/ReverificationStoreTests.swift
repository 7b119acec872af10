import Foundation
import Identifiers
import Storage
import Testing

/// `ReverificationStore` on both backends: sealed voucher subjects, runs and their per-chunk results.
struct ReverificationStoreTests {
    /// A store with three vouchers (two children; periods ending 2026-05-31, 2026-05-31 and 2025-12-31).
    static func seeded(_ backend: StoreBackend) async throws -> (BackendFixture, any ReverificationStore) {
        let fixture = try await BackendFixture(backend)
        let store = try #require(fixture.store as? any ReverificationStore, "\(backend) store does not implement ReverificationStore")
        let child = fixture.personalData.subjectKey(for: Sample.childIIN)
        let other = fixture.personalData.subjectKey(for: Sample.otherChildIIN)
        let vouchers = [
            Sample.voucher(id: "vch_a", child: child, decisionID: "dec_a", from: "2025-09-01", to: "2026-05-31"),
            Sample.voucher(id: "vch_b", child: other, decisionID: "dec_b", from: "2025-09-01", to: "2026-05-31"),
            Sample.voucher(id: "vch_c", child: child, decisionID: "dec_c", from: "2026-06-01", to: "2026-12-31"),
        ]
        for voucher in vouchers {
            _ = try await fixture.store.record(
                DecisionWrite(decision: Sample.decision(id: voucher.decisionID, subjects: [voucher.child]), voucher: voucher, audit: Sample.audit(subject: voucher.decisionID)))
        }
        for (index, id) in ["vch_c", "vch_a", "vch_b"].enumerated() {
            try await store.saveVoucherSubject(VoucherSubjectRecord(voucherID: id, activatedAt: Sample.date(Double(index * 10)), payload: Data("subject \(id)".utf8)))
        }
        return (fixture, store)
    }

    @Test("voucher subjects: sealed, replaced on a second save, listed in id order by period, activation and page", arguments: StoreBackend.all)
    func subjects(backend: StoreBackend) async throws {
        let (fixture, store) = try await Self.seeded(backend)
        defer { withExtendedLifetime(fixture) {} }
        let all = try await store.voucherSubjects(activeOn: Sample.day("2026-01-15"), activatedSince: nil, afterVoucherID: nil, limit: 10)
        #expect(all.map(\.voucherID) == ["vch_a", "vch_b", "vch_c"])
        #expect(all.first?.payload == Data("subject vch_a".utf8))
        #expect(try await store.voucherSubjects(activeOn: Sample.day("2026-06-15"), activatedSince: nil, afterVoucherID: nil, limit: 10).map(\.voucherID) == ["vch_c"])
        #expect(try await store.voucherSubjects(activeOn: Sample.day("2026-01-15"), activatedSince: Sample.date(10), afterVoucherID: nil, limit: 10).map(\.voucherID) == ["vch_a", "vch_b"])
        #expect(try await store.voucherSubjects(activeOn: Sample.day("2026-01-15"), activatedSince: nil, afterVoucherID: "vch_a", limit: 1).map(\.voucherID) == ["vch_b"])
        try await store.saveVoucherSubject(VoucherSubjectRecord(voucherID: "vch_a", activatedAt: Sample.date(99), payload: Data("changed".utf8)))
        let replaced = try await store.voucherSubjects(activeOn: Sample.day("2026-01-15"), activatedSince: nil, afterVoucherID: nil, limit: 1)
        #expect(replaced.first?.payload == Data("changed".utf8))
        await #expect(throws: StoreError.notFound(kind: "voucher", id: "vch_zz")) {
            try await store.saveVoucherSubject(VoucherSubjectRecord(voucherID: "vch_zz", activatedAt: Sample.date(0), payload: Data()))
        }
    }

    @Test("a decision write keeps the voucher's subject in the decision's transaction; without a voucher, or after a conflict, nothing", arguments: StoreBackend.all)
    func subjectWithDecision(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        defer { withExtendedLifetime(fixture) {} }
        let store = try #require(fixture.store as? any ReverificationStore)
        let child = fixture.personalData.subjectKey(for: Sample.childIIN)
        let voucher = Sample.voucher(id: "vch_w", child: child, decisionID: "dec_w", from: "2025-09-01", to: "2026-05-31")
        let written = try await fixture.store.record(
            DecisionWrite(
                decision: Sample.decision(id: "dec_w", subjects: [child]), voucher: voucher, audit: Sample.audit(subject: "dec_w"),
                voucherSubject: Data("subject vch_w".utf8)))
        guard case .recorded = written else { Issue.record("not recorded: \(written)"); return }
        let kept = try await store.voucherSubjects(activeOn: Sample.day("2026-01-15"), activatedSince: nil, afterVoucherID: nil, limit: 10)
        #expect(kept.map(\.voucherID) == ["vch_w"])
        #expect(kept.first?.payload == Data("subject vch_w".utf8))
        #expect(kept.first?.activatedAt == voucher.activatedAt)

        // A REVIEW decision (no voucher) ignores a subject; a conflicting voucher writes neither.
        _ = try await fixture.store.record(
            DecisionWrite(decision: Sample.decision(id: "dec_r", subjects: [child]), audit: Sample.audit(subject: "dec_r"), voucherSubject: Data("stray".utf8)))
        let conflicting = Sample.voucher(id: "vch_x", child: child, decisionID: "dec_x", from: "2026-01-01", to: "2026-02-01")
        let conflict = try await fixture.store.record(
            DecisionWrite(
                decision: Sample.decision(id: "dec_x", subjects: [child]), voucher: conflicting, audit: Sample.audit(subject: "dec_x"),
                voucherSubject: Data("subject vch_x".utf8)))
        guard case .voucherConflict = conflict else { Issue.record("no conflict: \(conflict)"); return }
        let after = try await store.voucherSubjects(activeOn: Sample.day("2026-01-15"), activatedSince: nil, afterVoucherID: nil, limit: 10)
        #expect(after.map(\.voucherID) == ["vch_w"])
    }

    @Test("runs: created once, listed newest first, updated; a chunk saves each voucher's first result; checkpoint and pages", arguments: StoreBackend.all)
    func runs(backend: StoreBackend) async throws {
        let (fixture, store) = try await Self.seeded(backend)
        defer { withExtendedLifetime(fixture) {} }
        let first = ReverificationRunRecord(id: "rvr_1", activeOn: Sample.day("2026-01-15"), activatedSince: nil, createdAt: Sample.date(1), updatedAt: Sample.date(1))
        let second = ReverificationRunRecord(id: "rvr_2", activeOn: Sample.day("2026-01-15"), activatedSince: Sample.date(5), createdAt: Sample.date(2), updatedAt: Sample.date(2))
        try await store.createReverificationRun(first)
        try await store.createReverificationRun(second)
        await #expect(throws: StoreError.self) { try await store.createReverificationRun(first) }
        #expect(try await store.reverificationRun(id: "rvr_2") == second)
        #expect(try await store.reverificationRuns(limit: 10).map(\.id) == ["rvr_2", "rvr_1"])
        #expect(try await store.lastReverifiedVoucherID(runID: "rvr_1") == nil)

        let results = [
            ReverificationResultRecord(voucherID: "vch_a", outcome: "OK", payload: Data("a".utf8)),
            ReverificationResultRecord(voucherID: "vch_b", outcome: "REVIEW", payload: Data("b".utf8)),
        ]
        #expect(try await store.saveReverificationChunk(runID: "rvr_1", results: results, at: Sample.date(3)) == 2)
        let replay = [ReverificationResultRecord(voucherID: "vch_b", outcome: "OK", payload: Data("b2".utf8)),
                      ReverificationResultRecord(voucherID: "vch_c", outcome: "SUSPEND_SUGGESTED", payload: Data("c".utf8))]
        #expect(try await store.saveReverificationChunk(runID: "rvr_1", results: replay, at: Sample.date(4)) == 1)
        #expect(try await store.lastReverifiedVoucherID(runID: "rvr_1") == "vch_c")
        let page = try await store.reverificationResults(runID: "rvr_1", afterVoucherID: "vch_a", limit: 1)
        #expect(page == [ReverificationResultRecord(voucherID: "vch_b", outcome: "REVIEW", payload: Data("b".utf8))])
        #expect(try await store.reverificationResults(runID: "rvr_1", afterVoucherID: nil, limit: 10).map(\.outcome) == ["OK", "REVIEW", "SUSPEND_SUGGESTED"])
        await #expect(throws: StoreError.notFound(kind: "reverification run", id: "rvr_9")) {
            try await store.saveReverificationChunk(runID: "rvr_9", results: results, at: Sample.date(5))
        }

        let finished = try await store.updateReverificationRun(id: "rvr_1", status: .finished, counts: ["OK": 1, "REVIEW": 1], at: Sample.date(6))
        #expect(finished.status == .finished && finished.counts == ["OK": 1, "REVIEW": 1] && finished.updatedAt == Sample.date(6))
        await #expect(throws: StoreError.notFound(kind: "reverification run", id: "rvr_9")) {
            try await store.updateReverificationRun(id: "rvr_9", status: .failed, counts: [:], at: Sample.date(6))
        }
    }
}
