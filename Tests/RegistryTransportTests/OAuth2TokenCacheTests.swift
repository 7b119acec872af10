import Testing
import RegistryTransport

struct OAuth2TokenCacheTests {
    let start = ContinuousClock.now

    @Test("a token is used until the refresh margin before expiry")
    func refreshMargin() {
        var cache = OAuth2TokenCache(refreshMargin: .seconds(30))
        #expect(cache.usableToken(at: start) == nil)
        cache.store("t1", lifetime: .seconds(300), at: start)
        #expect(cache.usableToken(at: start.advanced(by: .seconds(269))) == "t1")
        #expect(cache.usableToken(at: start.advanced(by: .seconds(270))) == nil)
    }

    @Test("a token issued already expired is never used")
    func expired() {
        var cache = OAuth2TokenCache(refreshMargin: .seconds(30))
        cache.store("t1", lifetime: .zero, at: start)
        #expect(cache.usableToken(at: start) == nil)
    }

    @Test("invalidating a refused token drops it, but not a newer one")
    func invalidate() {
        var cache = OAuth2TokenCache(refreshMargin: .seconds(1))
        cache.store("t1", lifetime: .seconds(60), at: start)
        cache.invalidate("t0")
        #expect(cache.usableToken(at: start) == "t1")
        cache.invalidate("t1")
        #expect(cache.usableToken(at: start) == nil)
    }
}
