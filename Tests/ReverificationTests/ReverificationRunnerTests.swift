import Foundation
import Identifiers
import Reverification
import Storage
import Testing
import Verification

/// The runner over a real SQLite store and in-process ports: chunks, checkpoints, resume, the review queue.
@Suite struct ReverificationRunnerTests {
    /// A store with `count` active vouchers (distinct children, the sample parent and provider).
    static func seeded(_ count: Int, registries: FakeRegistries) async throws -> (SQLiteGatewayStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteGatewayStore(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .generate())
        for index in 0..<count {
            let child = ReverificationSamples.iin("150310", century: "5", serial: 200 + index * 50)
            var subject = ReverificationSamples.subject(voucher: String(format: "vch_%03d", index), child: child)
            subject.decisionID = String(format: "dec_%03d", index)
            let evidence = await registries.checker.gather(subject, within: .after(.seconds(120)))
            let assessment = VoucherActivationPolicy().assess(subject.declaration, programme: subject.programme, requiresSportsClearance: false, evidence: evidence.activation)
            #expect(assessment.decision == .activate)
            subject.activationReasons = assessment.reasons.map(\.rawValue)
            let key = store.personalData.subjectKey(for: child)
            _ = try await store.record(DecisionWrite(
                decision: StoredDecision(id: subject.decisionID, kind: .voucherActivation, outcome: "ACTIVATE", reasonCodes: [], subjects: [key], createdAt: Date(), payload: Data("{}".utf8)),
                voucher: VoucherRecord(
                    id: subject.voucherID, child: key, programmeID: "p", periodStart: subject.programme.periodStart, periodEnd: subject.programme.periodEnd,
                    decisionID: subject.decisionID, activatedAt: Date()),
                audit: AuditDraft(actor: "test", action: "voucher.activated", subjectID: subject.decisionID)))
            try await store.saveVoucherSubject(VoucherSubjectRecord(voucherID: subject.voucherID, activatedAt: Date(), payload: try subject.encoded()))
        }
        return (store, directory)
    }

    static let day = CalendarDate(year: 2025, month: 11, day: 1)!

    /// Generous per-voucher budgets: the fakes answer at once, but a loaded machine must not turn a slow scheduler into
    /// REGISTRY_UNAVAILABLE.
    static func configuration(chunkSize: Int = 500, concurrency: Int = 32) -> ReverificationConfiguration {
        ReverificationConfiguration(chunkSize: chunkSize, maximumConcurrentVouchers: concurrency, voucherTimeout: .seconds(120))
    }

    @Test func unchangedVouchersAreOKAndDeathsAreQueuedOnce() async throws {
        let registries = FakeRegistries()
        let (store, directory) = try await Self.seeded(5, registries: registries)
        defer { try? FileManager.default.removeItem(at: directory) }
        let runner = ReverificationRunner(store: store, protector: store.personalData, checker: registries.checker, configuration: Self.configuration(chunkSize: 2))
        let calm = try await runner.run(ReverificationRequest(activeOn: Self.day))
        #expect(calm.summary.vouchers == 5)
        #expect(calm.summary.outcomes == ["OK": 5])
        #expect(try await store.reviews(ReviewQuery()).isEmpty)

        registries.set(deceased: true)
        let grim = try await runner.run(ReverificationRequest(activeOn: Self.day))
        #expect(grim.summary.outcomes == ["SUSPEND_SUGGESTED": 5])
        #expect(grim.summary.reasons == ["PERSON_DECEASED": 5])
        let queued = try await store.reviews(ReviewQuery(reasonCode: "PERSON_DECEASED"))
        #expect(queued.count == 5)
        #expect(queued.allSatisfy { $0.kind == .voucherActivation && $0.regionKATO == "750000000" })
        let decision = try #require(try await store.decision(id: queued[0].decisionID))
        #expect(decision.outcome == "SUSPEND_SUGGESTED")
        #expect(decision.clientRequestID?.hasPrefix("reverify:\(grim.runID):vch_") == true)
        // Vouchers stay active: suspension is an operator's decision.
        #expect(try await store.voucherSubjects(activeOn: Self.day, activatedSince: nil, afterVoucherID: nil, limit: 10).count == 5)
        // Outside the period: nothing to re-check.
        let later = try await runner.run(ReverificationRequest(activeOn: CalendarDate(year: 2026, month: 6, day: 1)!))
        #expect(later.summary.vouchers == 0)
    }

    @Test func anUnavailableRegistryQueuesReviewNotSuspension() async throws {
        let registries = FakeRegistries()
        let (store, directory) = try await Self.seeded(3, registries: registries)
        defer { try? FileManager.default.removeItem(at: directory) }
        registries.set(individualsDown: true)
        let outcome = try await ReverificationRunner(store: store, protector: store.personalData, checker: registries.checker, configuration: Self.configuration())
            .run(ReverificationRequest(activeOn: Self.day))
        #expect(outcome.summary.outcomes == ["REVIEW": 3])
        #expect(outcome.summary.reasons == ["REGISTRY_UNAVAILABLE": 3])
    }

    @Test func anInterruptedRunResumesAfterItsLastCheckpoint() async throws {
        let registries = FakeRegistries(deceased: true)
        let (store, directory) = try await Self.seeded(6, registries: FakeRegistries())
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = Self.configuration(chunkSize: 2, concurrency: 1)
        let interrupted = Task {
            try await ReverificationRunner(
                store: store, protector: store.personalData, checker: registries.checker, configuration: configuration,
                progress: { checked in if checked >= 2 { withUnsafeCurrentTask { $0?.cancel() } } }
            ).run(ReverificationRequest(activeOn: Self.day))
        }
        await #expect(throws: ReverificationError.self) { try await interrupted.value }
        let run = try #require(try await store.reverificationRuns(limit: 1).first)
        #expect(run.status == .running)
        #expect(try await store.lastReverifiedVoucherID(runID: run.id) == "vch_001")

        let resumed = try await ReverificationRunner(store: store, protector: store.personalData, checker: registries.checker, configuration: configuration)
            .run(ReverificationRequest(activeOn: Self.day, resume: true))
        #expect(resumed.runID == run.id && resumed.resumed)
        #expect(resumed.checkedNow == 4)
        #expect(resumed.summary.vouchers == 6)
        // Each voucher queued once, whatever the interruption did.
        #expect(try await store.reviews(ReviewQuery(limit: 100)).count == 6)
        #expect(try await store.reverificationRun(id: run.id)?.status == .finished)
        await #expect(throws: ReverificationError.self) {
            try await ReverificationRunner(store: store, protector: store.personalData, checker: registries.checker).run(ReverificationRequest(activeOn: Self.day, resume: true))
        }
    }
}
