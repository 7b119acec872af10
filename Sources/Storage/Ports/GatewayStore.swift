/// Everything the service keeps: one protocol per concern, one type implementing all (SQLite by default,
/// PostgreSQL for scale-out).
public protocol GatewayStore: DecisionStore, VoucherStore, ReviewStore, ConsentStore, AuditLog, APIKeyStore, BatchStore {
    /// Whether the store accepts writes now (readiness probe).
    func isWritable() async -> Bool
}
