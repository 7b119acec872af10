import ArgumentParser
import Foundation
import Logging
import PostgresStorage
import Storage

/// `qorgan audit …` — the append-only, hash-chained audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Inspect the gateway's hash-chained audit log.",
        subcommands: [Verify.self]
    )

    /// `qorgan audit verify [--database PATH|postgres://…]`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the audit chain and report the first edited or deleted entry.",
            discussion: """
                Recomputes every entry's hash from its content and the previous entry's hash, checks that sequence numbers \
                have no gaps, and compares the last entry with the chain head (so deleting the newest entries is detected too). \
                Opens the database read-only (SQLite file, or PostgreSQL in one read-only snapshot; never migrated); needs no keys.
                Exit status: 0 intact, 1 broken, 2 when the database cannot be read.
                """
        )

        @Option(help: "The gateway's database: an SQLite file, or postgres://user:password@host:port/database?schema=NAME.")
        var database: String = "./var/qorgan.sqlite"

        func run() async throws {
            let status: AuditChainStatus
            if PostgresDatabaseURL.isPostgresURL(database) {
                let url: PostgresDatabaseURL
                do { url = try PostgresDatabaseURL(database) } catch {
                    Self.printError("audit verify: --database: \(error.description)")
                    throw ExitCode(2)
                }
                do {
                    var logger = Logger(label: "qorgan.audit")
                    logger.logLevel = .critical  // the pool's connection retries are not the auditor's output
                    status = try await PostgresGatewayStore.verifyAuditChain(url: url, logger: logger)
                } catch {
                    Self.printError("audit verify: cannot read \(url): \(error)")
                    throw ExitCode(2)
                }
                try Self.report(status)
                return
            }
            do {
                status = try await SQLiteGatewayStore.verifyAuditChain(databaseAt: database)
            } catch {
                switch error {
                case .notFound(kind: "database", _):
                    Self.printError("audit verify: no database at \(database)")
                default:
                    Self.printError("audit verify: cannot read \(database): \(error)")
                }
                throw ExitCode(2)
            }
            try Self.report(status)
        }

        /// Prints the one line an operator or a script reads; exit status 1 when the chain is broken.
        static func report(_ status: AuditChainStatus) throws {
            switch status {
            case .intact(let entries):
                print("audit chain intact: \(entries) \(entries == 1 ? "entry" : "entries")")
            case .edited(let sequence):
                print("audit chain broken: entry \(sequence) edited")
                throw ExitCode(1)
            case .deleted(let sequence):
                print("audit chain broken: entries deleted after \(sequence)")
                throw ExitCode(1)
            }
        }

        static func printError(_ message: String) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }
}
