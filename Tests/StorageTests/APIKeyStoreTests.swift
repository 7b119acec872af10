import Foundation
import Storage
import Testing

struct APIKeyStoreTests {
    @Test("keys are found by hash until revoked; adding and revoking are audited", arguments: StoreBackend.all)
    func lifecycle(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        let store = fixture.store
        #expect(try await store.keys().isEmpty)
        let operatorKey = APIKeyRecord(id: "key_1", name: "bootstrap-operator", role: .operator, keyHash: "hash-1", createdAt: Sample.date(0))
        let auditorKey = APIKeyRecord(id: "key_2", name: "bootstrap-auditor", role: .auditor, keyHash: "hash-2", createdAt: Sample.date(1))
        try await store.add(operatorKey)
        try await store.add(auditorKey)
        #expect(try await store.keys() == [operatorKey, auditorKey])
        #expect(try await store.key(hash: "hash-1") == operatorKey)
        #expect(try await store.key(hash: "hash-3") == nil)
        let created = try await store.entries(AuditQuery(subjectID: "key_1"))
        #expect(created.map(\.draft.action) == ["apikey.created"])
        #expect(created.first?.draft.details == ["name": "bootstrap-operator", "role": "operator"])

        let revoked = try await store.revoke(id: "key_1", at: Sample.date(5), audit: Sample.audit("apikey.revoked", subject: "key_1"))
        #expect(revoked.revokedAt == Sample.date(5))
        #expect(try await store.key(hash: "hash-1") == nil)
        #expect(try await store.key(hash: "hash-2") == auditorKey)
        #expect(try await store.keys().count == 2)
        await #expect(throws: StoreError.conflict("api key key_1 is already revoked")) {
            try await store.revoke(id: "key_1", at: Sample.date(6), audit: Sample.audit("apikey.revoked", subject: "key_1"))
        }
        await #expect(throws: StoreError.notFound(kind: "api key", id: "key_9")) {
            try await store.revoke(id: "key_9", at: Sample.date(6), audit: Sample.audit("apikey.revoked", subject: "key_9"))
        }
    }

    @Test("a second key with the same hash is refused", arguments: StoreBackend.all)
    func uniqueHash(backend: StoreBackend) async throws {
        let fixture = try await BackendFixture(backend)
        try await fixture.store.add(APIKeyRecord(id: "key_1", name: "a", role: .registrar, keyHash: "same", createdAt: Sample.date(0)))
        await #expect(throws: StoreError.self) {
            try await fixture.store.add(APIKeyRecord(id: "key_2", name: "b", role: .providerAdmin, keyHash: "same", createdAt: Sample.date(0)))
        }
        #expect(try await fixture.store.keys().map(\.id) == ["key_1"])
        #expect(try await fixture.store.verifyChain() == .intact(entries: 1))
    }
}
