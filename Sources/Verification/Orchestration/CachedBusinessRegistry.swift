public import Identifiers
import Synchronization

/// A business registry port that remembers the entities it found for a while, for the voucher gate: thousands of
/// children are activated with the same few hundred providers, and a provider's registration status changes on the
/// scale of days, not seconds.
///
/// Only `.found` answers are kept, with their original evidence (the decision cites the registry message that said
/// so). "Not found", unavailability and invalid answers are never cached: the next call asks the registry again.
/// Provider qualification checks and re-verification use the registry directly, never this cache.
public final class CachedBusinessRegistry: BusinessRegistry {
    /// How long and how much to remember.
    public struct Configuration: Sendable, Hashable {
        /// How long a found entity is reused. Default 5 minutes.
        public var timeToLive: Duration
        /// Most entities kept; when full, expired entries are dropped, then everything. Default 10,000.
        public var maximumEntries: Int

        /// Creates a configuration (defaults: 5 minutes, 10,000 entries).
        public init(timeToLive: Duration = .seconds(300), maximumEntries: Int = 10_000) {
            self.timeToLive = timeToLive
            self.maximumEntries = maximumEntries
        }
    }

    /// The settings.
    public let configuration: Configuration
    private let upstream: any BusinessRegistry
    private let now: @Sendable () -> ContinuousClock.Instant
    private let entries = Mutex(Entries())

    private struct Entry<Record: Sendable>: Sendable {
        var result: RegistryResult<Record>
        var expires: ContinuousClock.Instant
    }

    private struct Entries: Sendable {
        var legalEntities: [BIN: Entry<LegalEntity>] = [:]
        var entrepreneurs: [IIN: Entry<IndividualEntrepreneur>] = [:]
        var count: Int { legalEntities.count + entrepreneurs.count }
    }

    /// Wraps `upstream`. `now` is injectable for tests (default: the continuous clock).
    public init(
        _ upstream: any BusinessRegistry, configuration: Configuration = Configuration(),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.upstream = upstream
        self.configuration = configuration
        self.now = now
    }

    public func legalEntity(_ bin: BIN, within deadline: Deadline) async -> RegistryResult<LegalEntity> {
        await cached(bin, in: \.legalEntities) { await upstream.legalEntity(bin, within: deadline) }
    }

    public func entrepreneur(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<IndividualEntrepreneur> {
        await cached(iin, in: \.entrepreneurs) { await upstream.entrepreneur(iin, within: deadline) }
    }

    /// Entities currently remembered (expired ones included until they are dropped).
    public var count: Int { entries.withLock { $0.count } }

    /// The unexpired entry under `key` in `table`, or `ask()`'s answer, kept when it is `.found`.
    private func cached<Key: Hashable & Sendable, Record: Sendable>(
        _ key: Key, in table: WritableKeyPath<Entries, [Key: Entry<Record>]> & Sendable, ask: () async -> RegistryResult<Record>
    ) async -> RegistryResult<Record> {
        let instant = now()
        if let entry = entries.withLock({ $0[keyPath: table][key] }), entry.expires > instant { return entry.result }
        let result = await ask()
        if case .found = result {
            let entry = Entry(result: result, expires: now().advanced(by: configuration.timeToLive))
            entries.withLock { entries in
                makeRoom(in: &entries)
                entries[keyPath: table][key] = entry
            }
        }
        return result
    }

    private func makeRoom(in entries: inout Entries) {
        guard entries.count >= max(1, configuration.maximumEntries) else { return }
        let instant = now()
        entries.legalEntities = entries.legalEntities.filter { $0.value.expires > instant }
        entries.entrepreneurs = entries.entrepreneurs.filter { $0.value.expires > instant }
        if entries.count >= max(1, configuration.maximumEntries) {
            entries.legalEntities.removeAll()
            entries.entrepreneurs.removeAll()
        }
    }
}
