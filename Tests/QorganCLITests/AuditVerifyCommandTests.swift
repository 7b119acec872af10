import Foundation
import GRDB
import Storage
import Testing

/// `qorgan audit verify` on real database files: the exit status and the one line an operator or script reads.
struct AuditVerifyCommandTests {
    /// A database with `count` audit entries in a fresh directory, closed so the binary reads it alone.
    static func database(entries count: Int) async throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-audit-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("qorgan.sqlite").path
        let store = try SQLiteGatewayStore(path: path, keys: .generate())
        for index in 1...count {
            try await store.append(AuditDraft(actor: "operator-\(index)", action: "review.resolved", subjectID: "rev_\(index)"))
        }
        try store.close()
        return (directory, path)
    }

    static func tamper(_ path: String, _ sql: String) async throws {
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete")
            try db.execute(sql: sql)
        }
        try queue.close()
    }

    @Test("an intact chain exits 0 and says how many entries it checked")
    func intact() async throws {
        let (directory, path) = try await Self.database(entries: 3)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try await CLIProcess.run(["audit", "verify", "--database", path])
        #expect(output.status == 0)
        #expect(output.lines == ["audit chain intact: 3 entries"])
    }

    @Test("an entry edited on disk exits 1 and names the entry")
    func edited() async throws {
        let (directory, path) = try await Self.database(entries: 3)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Edit the bytes of the file itself, as someone with the disk could: SQLite pages carry no checksum.
        let queue = try DatabaseQueue(path: path)
        try await queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let range = try #require(bytes.range(of: Data("operator-2".utf8)))
        bytes.replaceSubrange(range, with: Data("operator-X".utf8))
        try bytes.write(to: URL(fileURLWithPath: path))
        let output = try await CLIProcess.run(["audit", "verify", "--database", path])
        #expect(output.status == 1)
        #expect(output.lines == ["audit chain broken: entry 2 edited"])
    }

    @Test("deleted entries exit 1 and say after which entry", arguments: [("sequence = 2", 1), ("sequence >= 3", 2)])
    func deleted(condition: String, after: Int) async throws {
        let (directory, path) = try await Self.database(entries: 4)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Self.tamper(path, "DELETE FROM audit_entry WHERE \(condition)")
        let output = try await CLIProcess.run(["audit", "verify", "--database", path])
        #expect(output.status == 1)
        #expect(output.lines == ["audit chain broken: entries deleted after \(after)"])
    }

    @Test("a missing database exits 2 with a clear error")
    func missing() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-missing-\(UUID().uuidString).sqlite").path
        let output = try await CLIProcess.run(["audit", "verify", "--database", path])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("no database at \(path)"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
