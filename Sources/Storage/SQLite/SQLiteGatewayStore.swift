import Foundation
import GRDB

/// The gateway's store on one SQLite file (GRDB `DatabasePool`): WAL, `synchronous = NORMAL`, a busy timeout,
/// named migrations run on open. Implements every port of `GatewayStore`.
///
/// Every write is atomic (its own savepoint in a group-committed transaction, `SQLiteGroupCommit`) and also appends
/// its audit entry, so a decision, its review or voucher and its audit entry are saved together or not at all, and
/// writers (threads or processes) are serialised: idempotency and voucher-overlap checks cannot race.
///
/// ```swift
/// let store = try SQLiteGatewayStore(path: "var/qorgan.sqlite", keys: keys)
/// let outcome = try await store.record(write)
/// ```
public final class SQLiteGatewayStore: GatewayStore {
    let pool: DatabasePool
    let groupCommit: SQLiteGroupCommit
    let protector: PersonalDataProtector
    let configuration: SQLiteStoreConfiguration
    /// The database file's path.
    public let path: String

    /// Opens (creating when missing) the database at `path` and migrates it to this build's schema.
    ///
    /// - Parameters:
    ///   - path: the database file; its directory must exist.
    ///   - keys: the lookup and payload keys (see `StoreKeys`).
    ///   - configuration: busy timeout and pool size. Default `.default`.
    /// - Throws: `StoreError.database` when the file cannot be opened, `.migration` when a migration fails or the
    ///   database was written by a newer build.
    public init(path: String, keys: StoreKeys, configuration: SQLiteStoreConfiguration = .default) throws(StoreError) {
        self.path = path
        self.protector = PersonalDataProtector(keys: keys)
        self.configuration = configuration
        var config = Configuration()
        config.busyMode = .timeout(configuration.busyTimeoutSeconds)
        config.maximumReaderCount = max(1, configuration.maximumReaderCount)
        config.prepareDatabase { db in
            // Statement journals of the savepoints (one per write in a group commit) and sorter spills in memory:
            // otherwise SQLite creates and deletes a temporary file for each shared transaction.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw Self.storeError(error)
        }
        groupCommit = SQLiteGroupCommit(pool: pool)
        try Self.migrate(pool)
    }

    /// The personal-data protector built from the store's keys (for callers that need subject keys).
    public var personalData: PersonalDataProtector { protector }

    /// Closes the database's connections. Further calls fail.
    public func close() throws(StoreError) {
        do { try pool.close() } catch { throw Self.storeError(error) }
    }

    // MARK: - GatewayStore

    /// Whether a write transaction can be taken now (the file is writable and not locked beyond the busy timeout).
    public func isWritable() async -> Bool {
        do {
            try await pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "SELECT 1 FROM audit_head")
                    return .rollback
                }
            }
            return true
        } catch {
            return false
        }
    }

    // MARK: - Migrations

    /// The names of the migrations this build knows, in order.
    public static var migrationNames: [String] { SQLiteSchema.migrator.migrations }

    private static func migrate(_ pool: DatabasePool) throws(StoreError) {
        let migrator = SQLiteSchema.migrator
        do {
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded { throw StoreError.migration("the database was written by a newer build (unknown migrations)") }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .migration(Self.storeError(error).description)
        }
    }

    // MARK: - Transactions

    /// Runs `body` atomically in its own savepoint of a shared write transaction (`SQLiteGroupCommit`) and returns once
    /// that transaction has committed; `StoreError`s thrown inside roll the savepoint back and come out as they are.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await groupCommit.write(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Runs `body` in a read transaction (a snapshot).
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Runs `body` in a read transaction (a snapshot) on the calling thread, for a point look-up by an indexed key.
    ///
    /// ``read(_:)`` hands the work to a reader's dispatch queue and resumes the caller afterwards: two thread
    /// hand-offs that, on a loaded two-core host, cost more than the look-up itself (one such read was ≈ 115 µs of
    /// the gateway's CPU per registration check; BENCHMARKS.md). In WAL mode a reader never waits for the writer, and
    /// the pool has more readers than the process has event loops, so this blocks its caller only for the query.
    /// Not for scans or anything whose size depends on the data.
    func pointRead<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Maps any error to a `StoreError` whose text carries no statement arguments (GRDB hides them by default).
    static func storeError(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as DatabaseError:
            if error.resultCode == .SQLITE_CONSTRAINT {
                return .conflict(error.message ?? "constraint failed")
            }
            return .database("\(error.resultCode): \(error.message ?? "no message")")
        case is CancellationError:
            return .database("cancelled")
        default:
            return .database(String(describing: type(of: error)))
        }
    }
}
