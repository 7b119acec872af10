import Foundation
import GRDB
import Identifiers
@testable import PostgresStorage
import Storage
import Synchronization
import Testing

/// The storage backends every port test runs against.
///
/// PostgreSQL joins when `QORGAN_TEST_POSTGRES_URL` names a server (`scripts/with-postgres.sh` starts a private one),
/// or when `QORGAN_REQUIRE_POSTGRES=1` — then a missing URL fails every PostgreSQL case instead of leaving it out.
enum StoreBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The backends to run: SQLite always, PostgreSQL when configured or required.
    static var all: [StoreBackend] { PostgresTestDatabase.isRequested ? [.sqlite, .postgres] : [.sqlite] }

    var testDescription: String { rawValue }
}

/// The PostgreSQL server the tests use, from the environment.
enum PostgresTestDatabase {
    static var url: String? { ProcessInfo.processInfo.environment["QORGAN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 } }
    static var isRequired: Bool { ProcessInfo.processInfo.environment["QORGAN_REQUIRE_POSTGRES"] == "1" }
    static var isRequested: Bool { url != nil || isRequired }

    /// The server's URL with a fresh schema of its own, so tests running in parallel never see each other's rows.
    static func freshURL() throws -> PostgresDatabaseURL {
        guard let text = url else {
            throw PostgresTestError("QORGAN_REQUIRE_POSTGRES=1 but QORGAN_TEST_POSTGRES_URL is not set (run the tests through scripts/with-postgres.sh)")
        }
        var parsed = try PostgresDatabaseURL(text)
        parsed.schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return parsed
    }

    /// Small pools: many tests run at once against one server.
    static let configuration = PostgresStoreConfiguration(maximumConnections: 3)
}

struct PostgresTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A store on a fresh database of `backend` — a temporary SQLite file, or a fresh PostgreSQL schema — closed and
/// removed when the fixture goes away.
final class BackendFixture: Sendable {
    let backend: StoreBackend
    let keys: StoreKeys
    let store: any GatewayStore
    let personalData: PersonalDataProtector
    private let sqlite: StoreFixture?
    private let postgresURL: PostgresDatabaseURL?
    private let postgresStores: Mutex<[PostgresGatewayStore]>

    init(_ backend: StoreBackend, keys: StoreKeys = .generate(), auditPageSize: Int = 1_000) async throws {
        self.backend = backend
        self.keys = keys
        personalData = PersonalDataProtector(keys: keys)
        switch backend {
        case .sqlite:
            let fixture = try StoreFixture(keys: keys, configuration: SQLiteStoreConfiguration(auditPageSize: auditPageSize))
            sqlite = fixture
            store = fixture.store
            postgresURL = nil
            postgresStores = Mutex([])
        case .postgres:
            let url = try PostgresTestDatabase.freshURL()
            var configuration = PostgresTestDatabase.configuration
            configuration.auditPageSize = auditPageSize
            let opened = try await PostgresGatewayStore.open(url: url, keys: keys, configuration: configuration)
            sqlite = nil
            store = opened
            postgresURL = url
            postgresStores = Mutex([opened])
        }
    }

    /// Another store on the same database (another connection pool, as another process would have).
    func reopen(keys: StoreKeys? = nil) async throws -> any GatewayStore {
        if let sqlite { return try sqlite.reopen(keys: keys) }
        let url = try #require(postgresURL)
        let opened = try await PostgresGatewayStore.open(url: url, keys: keys ?? self.keys, configuration: PostgresTestDatabase.configuration)
        postgresStores.withLock { $0.append(opened) }
        return opened
    }

    /// The PostgreSQL store (for its own tests); `nil` on SQLite.
    var postgres: PostgresGatewayStore? { store as? PostgresGatewayStore }

    /// Raw SQL on the database (statements separated by `;`), as someone with database access would run it, after
    /// switching off the audit log's append-only guards (triggers).
    func tamper(_ sql: String) async throws {
        if let sqlite {
            let queue = try DatabaseQueue(path: sqlite.path)
            try await queue.write { db in
                try db.execute(sql: "DROP TRIGGER IF EXISTS audit_entry_no_update; DROP TRIGGER IF EXISTS audit_entry_no_delete")
                try db.execute(sql: sql)
            }
            try queue.close()
            return
        }
        let store = try #require(postgres)
        let statements = sql.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        try await store.execute(unsafeSQL: ["ALTER TABLE audit_entry DISABLE TRIGGER USER", "ALTER TABLE audit_head DISABLE TRIGGER USER"] + statements)
    }

    /// The SQLite file (SQLite only).
    var path: String { sqlite?.path ?? "" }

    /// The SQLite file's directory (SQLite only).
    var directory: URL { sqlite?.directory ?? FileManager.default.temporaryDirectory }

    deinit {
        let stores = postgresStores.withLock { $0 }
        guard let first = stores.first, let schema = postgresURL?.schema else { return }
        Task {
            try? await first.execute(unsafeSQL: ["DROP SCHEMA \(schema) CASCADE"])
            for store in stores { await store.close() }
        }
    }
}
