import Foundation
import Service
import Storage
import Synchronization
import Testing

@Suite("Confirmed-consent cache")
struct ConfirmedConsentCacheTests {
    /// A consent store that answers `hasConfirmedConsent` from a set and counts the questions.
    final class CountingConsentStore: ConsentStore {
        let confirmed: Mutex<Set<SubjectKey>>
        let questions = Mutex(0)
        init(confirmed: Set<SubjectKey>) { self.confirmed = Mutex(confirmed) }

        func create(_ consent: ConsentRecord, audit: AuditDraft) async throws(StoreError) {}
        func consent(id: String) async throws(StoreError) -> ConsentRecord? { nil }
        func recordAttempt(id: String, succeeded: Bool, at time: Date, audit: AuditDraft?) async throws(StoreError) -> ConsentRecord {
            throw StoreError.notFound(kind: "consent", id: id)
        }
        func recordCodeSent(id: String, smsMessageID: String) async throws(StoreError) {}
        func hasConfirmedConsent(subject: SubjectKey) async throws(StoreError) -> Bool {
            questions.withLock { $0 += 1 }
            return confirmed.withLock { $0.contains(subject) }
        }
    }

    static func key(_ n: Int) -> SubjectKey { SubjectKey(hex: String(format: "%064x", n)) }

    @Test("a confirmed subject is asked of the store once, then answered from memory")
    func positiveRemembered() async throws {
        let store = CountingConsentStore(confirmed: [Self.key(1)])
        let cache = ConfirmedConsentCache(capacity: 10)
        #expect(try await cache.hasConfirmedConsent(Self.key(1), in: store))
        #expect(try await cache.hasConfirmedConsent(Self.key(1), in: store))
        #expect(try await cache.hasConfirmedConsent(Self.key(1), in: store))
        #expect(store.questions.withLock { $0 } == 1)
        #expect(cache.contains(Self.key(1)))
    }

    @Test("a subject without consent is asked every time, so a later confirmation elsewhere is seen")
    func negativeNotRemembered() async throws {
        let store = CountingConsentStore(confirmed: [])
        let cache = ConfirmedConsentCache(capacity: 10)
        #expect(try await !cache.hasConfirmedConsent(Self.key(2), in: store))
        #expect(try await !cache.hasConfirmedConsent(Self.key(2), in: store))
        #expect(store.questions.withLock { $0 } == 2)
        store.confirmed.withLock { _ = $0.insert(Self.key(2)) }
        #expect(try await cache.hasConfirmedConsent(Self.key(2), in: store))
        #expect(try await cache.hasConfirmedConsent(Self.key(2), in: store))
        #expect(store.questions.withLock { $0 } == 3)
        #expect(!cache.contains(Self.key(3)))
    }

    @Test("memory stays within two generations of the capacity, and the newest subjects stay")
    func bounded() {
        let cache = ConfirmedConsentCache(capacity: 100)
        for n in 0..<1_000 { cache.insert(Self.key(n)) }
        #expect(cache.count <= 200)
        #expect(cache.count > 100)
        for n in 900..<1_000 { #expect(cache.contains(Self.key(n))) }
        #expect(!cache.contains(Self.key(0)))
        #expect(!cache.contains(Self.key(799)))
        // Inserting a remembered subject again does not start a new generation.
        let before = cache.count
        cache.insert(Self.key(999))
        #expect(cache.count == before)
    }

    @Test("capacity 0 remembers nothing and always asks the store")
    func disabled() async throws {
        let store = CountingConsentStore(confirmed: [Self.key(4)])
        let cache = ConfirmedConsentCache(capacity: 0)
        cache.insert(Self.key(4))
        #expect(!cache.contains(Self.key(4)))
        #expect(try await cache.hasConfirmedConsent(Self.key(4), in: store))
        #expect(try await cache.hasConfirmedConsent(Self.key(4), in: store))
        #expect(store.questions.withLock { $0 } == 2)
    }
}
