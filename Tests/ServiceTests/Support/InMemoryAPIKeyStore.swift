import Foundation
import Storage
import Synchronization

/// A small in-memory `APIKeyStore` for the service tests (the SQLite store is tested in StorageTests).
final class InMemoryAPIKeyStore: APIKeyStore {
    private let records = Mutex<[APIKeyRecord]>([])
    private let lookups = Atomic<Int>(0)
    /// When set, every call fails with it.
    private let failure = Mutex<StoreError?>(nil)

    init(_ records: [APIKeyRecord] = []) {
        self.records.withLock { $0 = records }
    }

    func add(_ key: APIKeyRecord) async throws(StoreError) {
        if let failure = failure.withLock({ $0 }) { throw failure }
        records.withLock { $0.append(key) }
    }

    func key(hash: String) async throws(StoreError) -> APIKeyRecord? {
        lookups.add(1, ordering: .relaxed)
        if let failure = failure.withLock({ $0 }) { throw failure }
        return records.withLock { $0.first { $0.keyHash == hash && $0.revokedAt == nil } }
    }

    func keys() async throws(StoreError) -> [APIKeyRecord] {
        if let failure = failure.withLock({ $0 }) { throw failure }
        return records.withLock { $0 }
    }

    @discardableResult
    func revoke(id: String, at time: Date, audit: AuditDraft) async throws(StoreError) -> APIKeyRecord {
        if let failure = failure.withLock({ $0 }) { throw failure }
        return try records.withLock { records throws(StoreError) in
            guard let index = records.firstIndex(where: { $0.id == id }) else { throw .notFound(kind: "api key", id: id) }
            guard records[index].revokedAt == nil else { throw .conflict("already revoked") }
            records[index].revokedAt = time
            return records[index]
        }
    }

    /// Makes every later call fail (or succeed again with `nil`).
    func fail(with error: StoreError?) {
        failure.withLock { $0 = error }
    }

    /// How many `key(hash:)` look-ups were made.
    var lookupCount: Int { lookups.load(ordering: .relaxed) }
}
