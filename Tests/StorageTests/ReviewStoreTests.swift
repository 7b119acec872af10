import Foundation
import Storage
import Testing

struct ReviewStoreTests {
    /// Five reviews over two regions, three reason codes and five creation times; one resolved.
    static func seeded(_ backend: StoreBackend) async throws -> BackendFixture {
        let fixture = try await BackendFixture(backend)
        let items: [(String, [String], String?, Double)] = [
            ("rev_1", ["REGISTRY_UNAVAILABLE"], "751110000", 10),
            ("rev_2", ["NAME_MISMATCH", "PARENT_LINK_MISSING"], "751110000", 20),
            ("rev_3", ["PARENT_LINK_MISSING"], "711210000", 30),
            ("rev_4", ["NAME_MISMATCH"], "711210000", 40),
            ("rev_5", ["NAME_MISMATCH"], nil, 50),
        ]
        for (index, item) in items.enumerated() {
            let decisionID = "dec_\(index + 1)"
            let review = Sample.review(id: item.0, decisionID: decisionID, codes: item.1, region: item.2, at: item.3)
            _ = try await fixture.store.record(
                DecisionWrite(decision: Sample.decision(id: decisionID, outcome: "REVIEW", reasonCodes: item.1), review: review, audit: Sample.audit(subject: decisionID)))
        }
        _ = try await fixture.store.resolve(
            id: "rev_4", resolution: "REJECT", comment: "fake", actor: "op-1", voucher: nil, audit: Sample.audit("review.resolved", subject: "rev_4"))
        return fixture
    }

    @Test("the queue filters by status, reason code, region and date range, oldest first, in pages", arguments: StoreBackend.all)
    func filters(backend: StoreBackend) async throws {
        let fixture = try await Self.seeded(backend)
        let store = fixture.store
        #expect(try await store.reviews(ReviewQuery()).map(\.id) == ["rev_1", "rev_2", "rev_3", "rev_5"])
        #expect(try await store.reviews(ReviewQuery(status: .resolved)).map(\.id) == ["rev_4"])
        #expect(try await store.reviews(ReviewQuery(status: nil)).map(\.id) == ["rev_1", "rev_2", "rev_3", "rev_4", "rev_5"])
        #expect(try await store.reviews(ReviewQuery(reasonCode: "NAME_MISMATCH")).map(\.id) == ["rev_2", "rev_5"])
        #expect(try await store.reviews(ReviewQuery(status: nil, reasonCode: "PARENT_LINK_MISSING")).map(\.id) == ["rev_2", "rev_3"])
        #expect(try await store.reviews(ReviewQuery(regionKATO: "751110000")).map(\.id) == ["rev_1", "rev_2"])
        #expect(try await store.reviews(ReviewQuery(createdFrom: Sample.date(20), createdTo: Sample.date(50))).map(\.id) == ["rev_2", "rev_3"])
        #expect(
            try await store.reviews(ReviewQuery(status: nil, reasonCode: "NAME_MISMATCH", regionKATO: "711210000")).map(\.id) == ["rev_4"])
        #expect(try await store.reviews(ReviewQuery(status: nil, limit: 2)).map(\.id) == ["rev_1", "rev_2"])
        #expect(try await store.reviews(ReviewQuery(status: nil, limit: 2, offset: 2)).map(\.id) == ["rev_3", "rev_4"])
        #expect(try await store.reviews(ReviewQuery(status: nil, limit: 2, offset: 4)).map(\.id) == ["rev_5"])
        #expect(try await store.review(id: "rev_2")?.reasonCodes == ["NAME_MISMATCH", "PARENT_LINK_MISSING"])
        #expect(try await store.review(id: "rev_9") == nil)
    }

    @Test("resolving sets the outcome, comment and operator, audits it, and a second resolve conflicts", arguments: StoreBackend.all)
    func resolveOnce(backend: StoreBackend) async throws {
        let fixture = try await Self.seeded(backend)
        let store = fixture.store
        let resolved = try await store.resolve(
            id: "rev_1", resolution: "ACTIVATE", comment: "registry back, checked", actor: "op-2", voucher: nil,
            audit: Sample.audit("review.resolved", subject: "rev_1"))
        #expect(resolved.status == .resolved)
        #expect(resolved.resolution == "ACTIVATE")
        #expect(resolved.resolvedBy == "op-2")
        #expect(resolved.resolvedAt != nil)
        #expect(try await store.review(id: "rev_1") == resolved)
        #expect(try await store.entries(AuditQuery(subjectID: "rev_1")).map(\.draft.action) == ["review.resolved"])

        await #expect(throws: StoreError.conflict("review rev_1 is already resolved")) {
            _ = try await store.resolve(id: "rev_1", resolution: "REJECT", comment: "again", actor: "op-3", voucher: nil,
                audit: Sample.audit("review.resolved", subject: "rev_1"))
        }
        await #expect(throws: StoreError.notFound(kind: "review", id: "rev_404")) {
            _ = try await store.resolve(id: "rev_404", resolution: "REJECT", comment: "", actor: "op", voucher: nil, audit: Sample.audit(subject: "rev_404"))
        }
        #expect(try await store.review(id: "rev_1")?.resolvedBy == "op-2")
        #expect(try await store.entries(AuditQuery(subjectID: "rev_1")).count == 1)
    }

    @Test("operator ACTIVATE activates the voucher with the resolution, unless it overlaps (then nothing changes)", arguments: StoreBackend.all)
    func resolveWithVoucher(backend: StoreBackend) async throws {
        let fixture = try await Self.seeded(backend)
        let store = fixture.store
        let child = fixture.personalData.subjectKey(for: Sample.childIIN)
        let voucher = Sample.voucher(id: "vch_1", child: child, decisionID: "dec_1", from: "2025-09-01", to: "2026-05-31")
        _ = try await store.resolve(id: "rev_1", resolution: "ACTIVATE", comment: "ok", actor: "op", voucher: voucher, audit: Sample.audit(subject: "rev_1"))
        #expect(try await store.activeVouchers(child: child, overlapping: Sample.day("2025-10-01"), Sample.day("2025-10-01")) == [voucher])

        let overlapping = Sample.voucher(id: "vch_2", child: child, decisionID: "dec_2", from: "2026-01-01", to: "2026-12-31")
        await #expect(throws: StoreError.conflict("voucher overlaps active voucher vch_1")) {
            _ = try await store.resolve(id: "rev_2", resolution: "ACTIVATE", comment: "ok", actor: "op", voucher: overlapping, audit: Sample.audit(subject: "rev_2"))
        }
        #expect(try await store.review(id: "rev_2")?.status == .open)
        #expect(try await store.verifyChain() == .intact(entries: 7))
    }

    @Test("SUSPEND suspends the voucher with the resolution: no longer active or re-verified, a new one may overlap; an unknown voucher writes nothing", arguments: StoreBackend.all)
    func resolveSuspending(backend: StoreBackend) async throws {
        let fixture = try await Self.seeded(backend)
        let store = fixture.store
        let child = fixture.personalData.subjectKey(for: Sample.childIIN)
        let voucher = Sample.voucher(id: "vch_s", child: child, decisionID: "dec_1", from: "2025-09-01", to: "2026-05-31")
        _ = try await store.resolve(id: "rev_1", resolution: "ACTIVATE", comment: "ok", actor: "op", voucher: voucher, audit: Sample.audit(subject: "rev_1"))
        let subjects = try #require(store as? any ReverificationStore, "\(backend) store does not implement ReverificationStore")
        try await subjects.saveVoucherSubject(VoucherSubjectRecord(voucherID: "vch_s", activatedAt: Sample.date(5), payload: Data("subject".utf8)))
        let october = Sample.day("2025-10-01")
        #expect(try await subjects.voucherSubjects(activeOn: october, activatedSince: nil, afterVoucherID: nil, limit: 10).map(\.voucherID) == ["vch_s"])

        await #expect(throws: StoreError.notFound(kind: "voucher", id: "vch_404")) {
            _ = try await store.resolve(
                id: "rev_2", resolution: "SUSPEND", comment: "gone", actor: "op", voucher: nil, suspending: "vch_404", audit: Sample.audit(subject: "rev_2"))
        }
        #expect(try await store.review(id: "rev_2")?.status == .open)
        #expect(try await store.entries(AuditQuery(subjectID: "rev_2")).isEmpty)

        let resolved = try await store.resolve(
            id: "rev_2", resolution: "SUSPEND", comment: "child deceased per ГБД ФЛ", actor: "op-5", voucher: nil, suspending: "vch_s",
            audit: Sample.audit("review.resolved", subject: "rev_2"))
        #expect(resolved.resolution == "SUSPEND")
        #expect(try await store.activeVouchers(child: child, overlapping: october, october).isEmpty)
        #expect(try await subjects.voucherSubjects(activeOn: october, activatedSince: nil, afterVoucherID: nil, limit: 10).isEmpty)
        // A second review of the same voucher may also say SUSPEND: it stays suspended.
        _ = try await store.resolve(
            id: "rev_3", resolution: "SUSPEND", comment: "again", actor: "op-6", voucher: nil, suspending: "vch_s", audit: Sample.audit(subject: "rev_3"))
        // The child may be given another voucher for the same period now.
        let replacement = Sample.voucher(id: "vch_t", child: child, decisionID: "dec_5", from: "2025-09-01", to: "2026-05-31")
        _ = try await store.resolve(id: "rev_5", resolution: "ACTIVATE", comment: "new", actor: "op", voucher: replacement, audit: Sample.audit(subject: "rev_5"))
        #expect(try await store.activeVouchers(child: child, overlapping: october, october).map(\.id) == ["vch_t"])
        #expect(try await store.verifyChain() == .intact(entries: 10))
    }

    @Test("concurrent resolves of one review: exactly one succeeds", arguments: StoreBackend.all)
    func concurrentResolve(backend: StoreBackend) async throws {
        let fixture = try await Self.seeded(backend)
        let other = try await fixture.reopen()
        let stores: [any GatewayStore] = [fixture.store, other]
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<6 {
                let store = stores[index % 2]
                group.addTask {
                    do {
                        _ = try await store.resolve(id: "rev_3", resolution: "REJECT", comment: "c\(index)", actor: "op-\(index)", voucher: nil,
                            audit: Sample.audit(subject: "rev_3"))
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
    }
}
