import Foundation
import Logging
import PostgresStorage
import Storage

/// The store a command uses: SQLite (the default, `DATA_DIR/qorgan.sqlite`, or any file path) or PostgreSQL
/// (`postgres://…`, shared by several gateways and workers). `--database` / `QORGAN_DATABASE` choose.
struct DatabaseSelection: Sendable {
    /// The store, whichever backend.
    let store: any GatewayStore
    /// Subject keys and sealing under the store's keys.
    let personalData: PersonalDataProtector
    /// The PostgreSQL store, when that is the backend (chunk leases for `qorgan worker` live only there).
    let postgres: PostgresGatewayStore?
    /// Where the store is, for the operator (passwords masked).
    let summary: String

    /// Opens the store `database` names: `nil` or empty = SQLite at `dataDirectory/qorgan.sqlite`; `postgres://…` =
    /// PostgreSQL; anything else = an SQLite file path.
    static func open(database: String?, dataDirectory: URL, keys: StoreKeys, logger: Logger) async throws -> DatabaseSelection {
        let personalData = PersonalDataProtector(keys: keys)
        guard let database, !database.isEmpty else {
            let path = dataDirectory.appendingPathComponent("qorgan.sqlite").path
            return DatabaseSelection(
                store: try SQLiteGatewayStore(path: path, keys: keys), personalData: personalData, postgres: nil, summary: "SQLite \(path)")
        }
        if PostgresDatabaseURL.isPostgresURL(database) {
            let url: PostgresDatabaseURL
            do { url = try PostgresDatabaseURL(database) } catch { throw DatabaseSelectionError("--database: \(error.description)") }
            let store = try await PostgresGatewayStore.open(url: url, keys: keys, logger: logger)
            return DatabaseSelection(store: store, personalData: personalData, postgres: store, summary: "PostgreSQL \(url)")
        }
        return DatabaseSelection(
            store: try SQLiteGatewayStore(path: database, keys: keys), personalData: personalData, postgres: nil, summary: "SQLite \(database)")
    }

    /// Closes the PostgreSQL pool (SQLite closes with the process).
    func close() async {
        await postgres?.close()
    }
}

/// A database setting that cannot be used (message names the setting, never a password).
struct DatabaseSelectionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
