public import Hummingbird
import Logging
public import Storage
import Synchronization

/// Authenticates API keys: reads the key (``APIKeyCredential``), looks its SHA-256 hex up through
/// `APIKeyStore.key(hash:)` and puts the record in ``GatewayRequestContext/client``.
///
/// - No key → 401 `unauthenticated` with `WWW-Authenticate: Bearer realm="qorgan"`.
/// - Unknown or revoked key → 401 with `error="invalid_token"`.
/// - Store failure → 503 `service-unavailable` (never a 401: the key may well be valid).
///
/// Found keys are cached for ``GatewayServiceConfiguration/authenticationCacheTTL`` (default 30 s, bounded to
/// ``GatewayServiceConfiguration/authenticationCacheSize`` entries), so a busy client costs one store look-up per
/// TTL, and a revoked key stops working at most one TTL later. Unknown keys are never cached.
public struct APIKeyAuthenticationMiddleware: RouterMiddleware {
    private let store: any APIKeyStore
    private let cache: Cache

    /// Authenticates against `store`, caching found keys for `cacheTTL` (`.zero` disables the cache).
    public init(store: any APIKeyStore, cacheTTL: Duration = .seconds(30), cacheSize: Int = 1024) {
        self.store = store
        self.cache = Cache(ttl: cacheTTL, capacity: cacheSize)
    }

    /// Authenticates the request or answers 401/503.
    public func handle(
        _ request: Request, context: GatewayRequestContext, next: (Request, GatewayRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let key = APIKeyCredential.key(in: request.headers) else {
            throw ServiceProblem.unauthenticated(invalidKey: false)
        }
        guard key.utf8.count <= APIKeyCredential.maximumKeyLength else {
            throw ServiceProblem.unauthenticated(invalidKey: true)
        }
        let hash = APIKeyCredential.hash(key)
        let record: APIKeyRecord
        if let cached = cache.record(forHash: hash) {
            record = cached
        } else {
            let found: APIKeyRecord?
            do {
                found = try await store.key(hash: hash)
            } catch {
                context.logger.error("qorgan.service.apikey_store_failed", metadata: ["error": "\(error)"])
                throw ServiceProblem.serviceUnavailable("API keys cannot be checked now.", code: "STORE_UNAVAILABLE", retryAfter: .seconds(1))
            }
            guard let found, found.revokedAt == nil, found.keyHash == hash else {
                throw ServiceProblem.unauthenticated(invalidKey: true)
            }
            cache.insert(found, forHash: hash)
            record = found
        }
        var context = context
        context.client = record
        context.logger[metadataKey: "client"] = .string(record.id)
        return try await next(request, context)
    }

    /// Found keys by hash, each trusted until its expiry.
    final class Cache: Sendable {
        private struct Entry {
            let record: APIKeyRecord
            let expires: ContinuousClock.Instant
        }

        private let ttl: Duration
        private let capacity: Int
        // Invariant: the entries are only touched under this mutex.
        private let entries = Mutex<[String: Entry]>([:])

        init(ttl: Duration, capacity: Int) {
            self.ttl = ttl
            self.capacity = max(0, capacity)
        }

        func record(forHash hash: String) -> APIKeyRecord? {
            guard ttl > .zero else { return nil }
            let now = ContinuousClock.now
            return entries.withLock { entries in
                guard let entry = entries[hash] else { return nil }
                guard entry.expires > now else {
                    entries.removeValue(forKey: hash)
                    return nil
                }
                return entry.record
            }
        }

        func insert(_ record: APIKeyRecord, forHash hash: String) {
            guard ttl > .zero, capacity > 0 else { return }
            let now = ContinuousClock.now
            entries.withLock { entries in
                if entries.count >= capacity {
                    entries = entries.filter { $0.value.expires > now }
                    if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
                }
                entries[hash] = Entry(record: record, expires: now.advanced(by: ttl))
            }
        }
    }
}
