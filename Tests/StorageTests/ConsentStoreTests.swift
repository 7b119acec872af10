import Foundation
import Storage
import Testing

struct ConsentStoreTests {
    @Test("failed attempts are counted, success confirms, and confirmation is found by subject", arguments: StoreBackend.all)
    func attempts(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        let parent = fixture.personalData.subjectKey(for: Sample.parentIIN)
        let consent = ConsentRecord(id: "cns_1", subject: parent, codeHash: "abc", createdAt: Sample.date(0), expiresAt: Sample.date(300))
        try await store.create(consent, audit: Sample.audit("consent.created", subject: "cns_1"))
        #expect(try await store.consent(id: "cns_1") == consent)
        #expect(try await store.hasConfirmedConsent(subject: parent) == false)

        try await store.recordCodeSent(id: "cns_1", smsMessageID: "sms-42")
        #expect(try await store.consent(id: "cns_1")?.smsMessageID == "sms-42")

        let failed1 = try await store.recordAttempt(id: "cns_1", succeeded: false, at: Sample.date(10), audit: nil)
        let failed2 = try await store.recordAttempt(id: "cns_1", succeeded: false, at: Sample.date(20), audit: Sample.audit("consent.failed", subject: "cns_1"))
        #expect(failed1.failedAttempts == 1)
        #expect(failed2.failedAttempts == 2)
        #expect(failed2.confirmedAt == nil)
        #expect(try await store.hasConfirmedConsent(subject: parent) == false)

        let confirmed = try await store.recordAttempt(id: "cns_1", succeeded: true, at: Sample.date(30), audit: Sample.audit("consent.confirmed", subject: "cns_1"))
        #expect(confirmed.confirmedAt == Sample.date(30))
        #expect(confirmed.failedAttempts == 2)
        #expect(try await store.hasConfirmedConsent(subject: parent))
        #expect(try await store.hasConfirmedConsent(subject: fixture.personalData.subjectKey(for: Sample.childIIN)) == false)
        #expect(try await store.entries(AuditQuery(subjectID: "cns_1")).map(\.draft.action) == ["consent.confirmed", "consent.failed", "consent.created"])
    }

    @Test("attempts on a confirmed or unknown consent are refused", arguments: StoreBackend.all)
    func refusals(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        let parent = fixture.personalData.subjectKey(for: Sample.parentIIN)
        try await store.create(
            ConsentRecord(id: "cns_1", subject: parent, codeHash: "abc", createdAt: Sample.date(0), expiresAt: Sample.date(300)),
            audit: Sample.audit(subject: "cns_1"))
        _ = try await store.recordAttempt(id: "cns_1", succeeded: true, at: Sample.date(1), audit: nil)
        await #expect(throws: StoreError.conflict("consent cns_1 is already confirmed")) {
            _ = try await store.recordAttempt(id: "cns_1", succeeded: false, at: Sample.date(2), audit: nil)
        }
        await #expect(throws: StoreError.notFound(kind: "consent", id: "cns_9")) {
            _ = try await store.recordAttempt(id: "cns_9", succeeded: true, at: Sample.date(2), audit: nil)
        }
        await #expect(throws: StoreError.notFound(kind: "consent", id: "cns_9")) { try await store.recordCodeSent(id: "cns_9", smsMessageID: "x") }
        await #expect(throws: StoreError.self) {
            try await store.create(
                ConsentRecord(id: "cns_1", subject: parent, codeHash: "x", createdAt: Sample.date(0), expiresAt: Sample.date(1)),
                audit: Sample.audit(subject: "cns_1"))
        }
        #expect(try await store.consent(id: "cns_9") == nil)
    }
}
