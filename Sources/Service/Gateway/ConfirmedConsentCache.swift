public import Storage
import Synchronization

/// Subjects known to have a confirmed consent, kept in memory so that a registration check for someone who has
/// consented does not go to the store again.
///
/// Only positive answers are kept: a confirmed consent stays valid (`ConsentStore.hasConfirmedConsent`), so a
/// remembered "yes" can never become wrong, even when another gateway instance shares the store. A "no" is always
/// asked again, since the consent may be confirmed a moment later, possibly elsewhere.
///
/// Bounded to ``capacity`` subjects in two generations: when the newer one fills up, the older one is dropped, so the
/// subjects seen most recently stay and memory never grows past about `2 × capacity` keys.
public final class ConfirmedConsentCache: Sendable {
    /// Most subjects in one generation. Default 100,000 (a subject key is 64 hex characters, so a full cache holds
    /// about 20 MB).
    public let capacity: Int
    private let generations = Mutex(Generations())

    private struct Generations: Sendable {
        var current: Set<SubjectKey> = []
        var previous: Set<SubjectKey> = []
    }

    /// A cache of at most `capacity` subjects per generation (`0` remembers nothing).
    public init(capacity: Int = 100_000) {
        self.capacity = max(0, capacity)
    }

    /// Whether `subject` was remembered as having a confirmed consent.
    public func contains(_ subject: SubjectKey) -> Bool {
        generations.withLock { $0.current.contains(subject) || $0.previous.contains(subject) }
    }

    /// Remembers that `subject` has a confirmed consent.
    public func insert(_ subject: SubjectKey) {
        guard capacity > 0 else { return }
        generations.withLock { state in
            guard !state.current.contains(subject) else { return }
            if state.current.count >= capacity {
                state.previous = state.current
                state.current = []
                state.current.reserveCapacity(capacity)
            }
            state.current.insert(subject)
        }
    }

    /// Remembered subjects (both generations; a subject counted once).
    public var count: Int {
        generations.withLock { $0.current.count + $0.previous.subtracting($0.current).count }
    }

    /// Whether `subject` has a confirmed consent: from memory when remembered, otherwise from `store` (and remembered
    /// when the store says yes).
    public func hasConfirmedConsent(_ subject: SubjectKey, in store: any ConsentStore) async throws(StoreError) -> Bool {
        if contains(subject) { return true }
        let confirmed = try await store.hasConfirmedConsent(subject: subject)
        if confirmed { insert(subject) }
        return confirmed
    }
}
