import Foundation
import PostgresStorage
import Storage
import Testing

/// `qorgan audit verify --database postgres://…`: an auditor checks a shared PostgreSQL store's chain without its keys
/// and without migrating it. Needs `QORGAN_TEST_POSTGRES_URL` (`scripts/with-postgres.sh`); with
/// `QORGAN_REQUIRE_POSTGRES=1` (CI) its absence fails the test.
struct AuditVerifyPostgresCommandTests {
    @Test("PostgreSQL: an intact chain exits 0, an edited entry exits 1 and is named, an unreachable server exits 2",
        .enabled(if: LeasedWorkersKillTests.requested), .timeLimit(.minutes(2)))
    func postgres() async throws {
        let base = try #require(LeasedWorkersKillTests.postgresURL, "QORGAN_REQUIRE_POSTGRES=1 but QORGAN_TEST_POSTGRES_URL is not set")
        let schema = "audit_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let database = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        let store = try await PostgresGatewayStore.open(url: try PostgresDatabaseURL(database), keys: .generate())
        for index in 1...3 {
            try await store.append(AuditDraft(actor: "operator-\(index)", action: "review.resolved", subjectID: "rev_\(index)"))
        }
        await store.close()
        defer { Task { try? await LeasedWorkersKillTests.psql(base, "DROP SCHEMA \(schema) CASCADE") } }

        let intact = try await CLIProcess.run(["audit", "verify", "--database", database])
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(intact.lines == ["audit chain intact: 3 entries"])

        // Someone with database rights switches the guard off and rewrites an entry.
        try await LeasedWorkersKillTests.psql(
            base, "ALTER TABLE \(schema).audit_entry DISABLE TRIGGER audit_entry_no_change; UPDATE \(schema).audit_entry SET actor = 'operator-X' WHERE sequence = 2")
        let edited = try await CLIProcess.run(["audit", "verify", "--database", database])
        #expect(edited.status == 1)
        #expect(edited.lines == ["audit chain broken: entry 2 edited"])

        let unreachable = try await CLIProcess.run(["audit", "verify", "--database", "postgres://qorgan:secret@127.0.0.1:1/none"])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("audit verify: cannot read"))
        #expect(!unreachable.stderr.contains("secret"), "the password must not be printed")
    }
}
