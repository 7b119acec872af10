import ArgumentParser
import Foundation
import Storage

/// `qorgan audit …` — the append-only, hash-chained audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Inspect the gateway's hash-chained audit log.",
        subcommands: [Verify.self]
    )

    /// `qorgan audit verify [--database PATH]`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the audit chain and report the first edited or deleted entry.",
            discussion: """
                Recomputes every entry's hash from its content and the previous entry's hash, checks that sequence numbers \
                have no gaps, and compares the last entry with the chain head (so deleting the newest entries is detected too). \
                Opens the database read-only; needs no keys.
                Exit status: 0 intact, 1 broken, 2 when the database cannot be read.
                """
        )

        @Option(help: "The gateway's SQLite database.")
        var database: String = "./var/qorgan.sqlite"

        func run() async throws {
            let status: AuditChainStatus
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
