import Foundation
public import Logging
public import Storage
import NIOCore
import PostgresNIO

/// The gateway's store on PostgreSQL (postgres-nio): several gateways and batch workers share one database.
///
/// The same ports, schema meaning and guarantees as `SQLiteGatewayStore`, for many processes at once:
/// - every write that appends an audit entry first locks the chain head row (`SELECT … FOR UPDATE`) in its
///   transaction, so such writes are serialised across processes: the chain never forks, and the idempotency and
///   voucher-overlap checks that run after the lock cannot race;
/// - batch chunks are saved under a lock on their job row (chunk ranges merge without races), other jobs' chunks
///   in parallel, and are leased to workers with `SELECT … FOR UPDATE SKIP LOCKED` (`BatchChunkLeaseStore`);
/// - named migrations (the same names as SQLite's, plus PostgreSQL-only ones) run under an advisory lock, so
///   gateways starting together migrate once.
///
/// The connection pool runs in a task the store owns; `close()` ends it.
///
/// ```swift
/// let store = try await PostgresGatewayStore.open(url: PostgresDatabaseURL("postgres://qorgan@127.0.0.1/qorgan"), keys: keys)
/// defer { Task { await store.close() } }
/// let outcome = try await store.record(write)
/// ```
public final class PostgresGatewayStore: GatewayStore {
    let client: PostgresClient
    let protector: PersonalDataProtector
    let configuration: PostgresStoreConfiguration
    let logger: Logger
    private let runTask: Task<Void, Never>
    /// Where the database is (its `description` masks the password).
    public let url: PostgresDatabaseURL

    private init(url: PostgresDatabaseURL, keys: StoreKeys, configuration: PostgresStoreConfiguration, logger: Logger) {
        self.url = url
        self.protector = PersonalDataProtector(keys: keys)
        self.configuration = configuration
        self.logger = logger
        let tls: PostgresClient.Configuration.TLS =
            switch url.tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var clientConfiguration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password, database: url.database, tls: tls)
        clientConfiguration.options.maximumConnections = max(1, configuration.maximumConnections)
        clientConfiguration.options.connectTimeout = configuration.connectTimeout
        clientConfiguration.options.additionalStartupParameters = [("search_path", url.schema), ("application_name", "qorgan")]
        let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
        self.client = client
        self.runTask = Task { await client.run() }
    }

    /// Connects to the database at `url` and migrates it to this build's schema.
    ///
    /// - Parameters:
    ///   - url: the database (see `PostgresDatabaseURL`); its schema is created when missing.
    ///   - keys: the lookup and payload keys (see `StoreKeys`) — the same keys for every process sharing the database.
    ///   - configuration: pool size, timeouts. Default `.default`.
    ///   - logger: where the pool logs (connection failures); never statement arguments or passwords.
    /// - Throws: `StoreError.database` when the server cannot be reached, `.migration` when a migration fails or the
    ///   database was written by a newer build.
    public static func open(
        url: PostgresDatabaseURL, keys: StoreKeys, configuration: PostgresStoreConfiguration = .default,
        logger: Logger = Logger(label: "qorgan.storage.postgres")
    ) async throws(StoreError) -> PostgresGatewayStore {
        let store = PostgresGatewayStore(url: url, keys: keys, configuration: configuration, logger: logger)
        do {
            try await PostgresSchema.migrate(store)
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Walks the audit chain of the database at `url` (`verifyChain()`, one read-only snapshot) without migrating the
    /// database and without its keys — audit entries are not sealed: what `qorgan audit verify` runs for an auditor.
    ///
    /// - Throws: `StoreError.database` when the server cannot be reached or the schema holds no audit log.
    public static func verifyAuditChain(
        url: PostgresDatabaseURL, logger: Logger = Logger(label: "qorgan.storage.postgres")
    ) async throws(StoreError) -> AuditChainStatus {
        let store = PostgresGatewayStore(url: url, keys: .generate(), configuration: .default, logger: logger)
        do {
            try await store.answers(within: store.configuration.connectTimeout)
            let status = try await store.verifyChain()
            await store.close()
            return status
        } catch {
            await store.close()
            throw error
        }
    }

    /// Fails with `StoreError.database` unless the server answers `SELECT 1` within `timeout` (the pool itself keeps
    /// retrying an unreachable server for about a minute).
    func answers(within timeout: Duration) async throws(StoreError) {
        let answered: Bool
        do {
            answered = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    _ = try await self.rows("SELECT 1")
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return false
                }
                let first = try await group.next() ?? false
                group.cancelAll()
                return first
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database("\(error)")
        }
        guard answered else { throw .database("no answer from \(url) within \(timeout)") }
    }

    /// The personal-data protector built from the store's keys (for callers that need subject keys).
    public var personalData: PersonalDataProtector { protector }

    /// Closes the pool's connections. Further calls fail.
    public func close() async {
        runTask.cancel()
        await runTask.value
    }

    /// The names of the migrations this build knows, in order.
    public static var migrationNames: [String] { PostgresSchema.migrations.map(\.name) }

    /// The names of the migrations applied to the database, in the order they were applied.
    public func appliedMigrationNames() async throws(StoreError) -> [String] {
        try await rows("SELECT name FROM qorgan_migrations ORDER BY position").map { row throws(StoreError) in
            try PostgresColumns(row).text("name")
        }
    }

    // MARK: - GatewayStore

    /// Whether a write transaction can be taken now (the server answers and the chain head can be locked).
    public func isWritable() async -> Bool {
        do {
            return try await transaction { connection in
                let rows = try await connection.query("SELECT 1 FROM audit_head WHERE id = 1 FOR UPDATE NOWAIT", logger: self.logger).collect()
                return rows.count == 1
            }
        } catch .database(let message) where message.contains("55P03") {
            return true  // another process holds the head: the database is writable, just busy
        } catch {
            return false
        }
    }

    // MARK: - Transactions

    /// Runs `body` in one READ COMMITTED transaction on one pooled connection; any error rolls back, `StoreError`s
    /// come out as they are.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> sending T) async throws(StoreError) -> T {
        try await run(begin: "BEGIN", body)
    }

    /// Runs `body` inside one REPEATABLE READ, READ ONLY transaction (one snapshot for every statement).
    func snapshot<T: Sendable>(_ body: (PostgresConnection) async throws -> sending T) async throws(StoreError) -> T {
        try await run(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// `begin`, `body`, COMMIT on one pooled connection; ROLLBACK when `body` throws.
    private func run<T: Sendable>(begin: PostgresQuery, _ body: (PostgresConnection) async throws -> sending T) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.query(begin, logger: self.logger)
                do {
                    let value = try await body(connection)
                    try await connection.query("COMMIT", logger: self.logger)
                    return value
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: self.logger)
                    throw error
                }
            }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Runs one statement outside an explicit transaction and returns its rows.
    func rows(_ query: PostgresQuery) async throws(StoreError) -> [PostgresRow] {
        do {
            return try await client.query(query, logger: logger).collect()
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Locks the audit chain head for the rest of the transaction: every audited write takes it first, so audited
    /// writes are serialised across processes (as SQLite's IMMEDIATE transactions are).
    func lockAuditHead(_ connection: PostgresConnection) async throws {
        let rows = try await connection.query("SELECT last_sequence FROM audit_head WHERE id = 1 FOR UPDATE", logger: logger).collect()
        guard rows.count == 1 else { throw StoreError.database("audit chain head is missing") }
    }

    /// Maps any error to a `StoreError` whose text carries no statement arguments: the SQLSTATE and the server's
    /// primary message only (never its detail, which can quote values).
    static func storeError(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as PSQLError:
            if let state = error.serverInfo?[.sqlState] {
                let message = error.serverInfo?[.message] ?? "no message"
                if state.hasPrefix("23") { return .conflict(message) }
                return .database("\(state): \(message)")
            }
            return .database("postgres \(error.code)")
        case let error as PostgresDecodingError:
            return .database("column \(error.columnName) holds an unexpected value")
        case is CancellationError:
            return .database("cancelled")
        default:
            return .database(String(describing: type(of: error)))
        }
    }
}

// MARK: - Maintenance

extension PostgresGatewayStore {
    /// Runs SQL statements as given, one by one, in one transaction (tests tamper with the audit log this way, the
    /// way someone with database access could). Not part of any port.
    func execute(unsafeSQL statements: [String]) async throws(StoreError) {
        try await transaction { connection in
            for statement in statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
            }
        }
    }
}
