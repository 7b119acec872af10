import Identifiers
import Synchronization
import Testing
import Verification

/// The voucher gate's provider status cache: found entities are reused until they expire; nothing else is kept.
struct CachedBusinessRegistryTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        private let instant = Mutex(ContinuousClock.now)
        var now: ContinuousClock.Instant { instant.withLock { $0 } }
        func advance(_ duration: Duration) { instant.withLock { $0 = $0.advanced(by: duration) } }
    }

    static func world(_ behaviour: ProviderFakeBehaviour = .answer) -> (FakeBusinessRegistry, ProviderCallLog) {
        let calls = ProviderCallLog()
        let world = ProviderWorld()
        return (FakeBusinessRegistry(entities: world.entities, entrepreneurs: world.entrepreneurs, behaviour: behaviour, calls: calls), calls)
    }

    @Test("a found legal entity and entrepreneur are asked for once within the time to live, then again after it")
    func reuseUntilExpiry() async {
        let (upstream, calls) = Self.world()
        let clock = ManualClock()
        let cache = CachedBusinessRegistry(upstream, configuration: .init(timeToLive: .seconds(60)), now: { clock.now })
        let deadline = Deadline.after(.seconds(5))
        let first = await cache.legalEntity(ProviderWorld.clubBIN, within: deadline)
        let second = await cache.legalEntity(ProviderWorld.clubBIN, within: deadline)
        #expect(first.record?.status == .active)
        #expect(second.evidence?.messageId == first.evidence?.messageId, "the cached answer cites the registry message that gave it")
        _ = await cache.entrepreneur(ProviderWorld.entrepreneurIIN, within: deadline)
        _ = await cache.entrepreneur(ProviderWorld.entrepreneurIIN, within: deadline)
        #expect(calls.calls(.business) == 2)
        clock.advance(.seconds(61))
        let third = await cache.legalEntity(ProviderWorld.clubBIN, within: deadline)
        #expect(calls.calls(.business) == 3)
        #expect(third.evidence?.messageId != first.evidence?.messageId)
    }

    @Test("not found, unavailable and invalid answers are never reused", arguments: [ProviderFakeBehaviour.down, .invalid, .answer])
    func onlyFoundIsKept(behaviour: ProviderFakeBehaviour) async {
        let (upstream, calls) = Self.world(behaviour)
        let cache = CachedBusinessRegistry(upstream)
        let unknown = ProviderWorld.bin("99014000777")  // not in the world: "not found" when the registry answers
        for _ in 0..<3 { _ = await cache.legalEntity(unknown, within: .after(.seconds(5))) }
        #expect(calls.calls(.business) == 3)
        #expect(cache.count == 0)
    }

    @Test("a full cache drops expired entries first and never grows past its bound")
    func bounded() async {
        let calls = ProviderCallLog()
        var entities: [BIN: LegalEntity] = [:]
        let bins = (0..<10).map { ProviderWorld.bin("04044000\(100 + $0)") }
        for bin in bins { entities[bin] = LegalEntity(bin: bin, nameRu: "ТОО", legalForm: "ТОО", status: .active) }
        let clock = ManualClock()
        let cache = CachedBusinessRegistry(
            FakeBusinessRegistry(entities: entities, calls: calls), configuration: .init(timeToLive: .seconds(60), maximumEntries: 4), now: { clock.now })
        for bin in bins { _ = await cache.legalEntity(bin, within: .after(.seconds(5))) }
        #expect(cache.count <= 4)
        #expect(calls.calls(.business) == 10)
    }
}
