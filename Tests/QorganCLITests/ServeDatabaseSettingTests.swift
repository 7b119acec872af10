import Foundation
import Testing

/// The `database` setting of `qorgan serve` (issue 10): none by default (SQLite in the data directory), then the file
/// key, `QORGAN_DATABASE`, and `--database`, each overriding the one before.
struct ServeDatabaseSettingTests {
    @Test("database: none by default; file < QORGAN_DATABASE < --database")
    func precedence() async throws {
        let defaults = try ServeConfigurationTests.settings(try await ServeConfigurationTests.printConfiguration([]))
        #expect(defaults["database"] == nil)

        let config = try ServeConfigurationTests.file(#"{"database": "/srv/qorgan/gateway.sqlite"}"#)
        defer { try? FileManager.default.removeItem(at: config) }
        let fromFile = try ServeConfigurationTests.settings(try await ServeConfigurationTests.printConfiguration(["--config", config.path]))
        #expect(fromFile["database"] as? String == "/srv/qorgan/gateway.sqlite")

        let url = "postgres://qorgan@db.internal:5432/qorgan?sslmode=require"
        let fromEnvironment = try ServeConfigurationTests.settings(
            try await ServeConfigurationTests.printConfiguration(["--config", config.path], environment: ["QORGAN_DATABASE": url]))
        #expect(fromEnvironment["database"] as? String == url)

        let fromFlag = try ServeConfigurationTests.settings(
            try await ServeConfigurationTests.printConfiguration(
                ["--config", config.path, "--database", "postgres://other@127.0.0.1/q"], environment: ["QORGAN_DATABASE": url]))
        #expect(fromFlag["database"] as? String == "postgres://other@127.0.0.1:5432/q?sslmode=disable")  // printed as it will be used
    }

    @Test("a database value of the wrong type in the file is refused by name")
    func wrongType() async throws {
        let config = try ServeConfigurationTests.file(#"{"database": 5432}"#)
        defer { try? FileManager.default.removeItem(at: config) }
        let output = try await ServeConfigurationTests.printConfiguration(["--config", config.path])
        #expect(output.status != 0)
        #expect(output.stderr.contains("database"))
    }
}

extension ServeDatabaseSettingTests {
    @Test("--print-configuration masks a PostgreSQL password")
    func passwordMasked() async throws {
        let output = try await ServeConfigurationTests.printConfiguration([], environment: ["QORGAN_DATABASE": "postgres://qorgan:s3cret@db.internal:5432/qorgan"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!output.stdout.contains("s3cret"))
        #expect(try ServeConfigurationTests.settings(output)["database"] as? String == "postgres://qorgan:***@db.internal:5432/qorgan")
    }
}
