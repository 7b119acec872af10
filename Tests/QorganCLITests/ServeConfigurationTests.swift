import Foundation
import Testing

/// `qorgan serve --print-configuration`: the settings `serve` would run with, resolved as defaults < configuration
/// file < environment < flags; a file with an unknown key, or a variable with an unusable value, is refused by name.
///
/// Each run gets exactly the environment the test gives, so the test's own `QORGAN_*` variables cannot leak in.
struct ServeConfigurationTests {
    /// Runs `qorgan serve <arguments> --print-configuration` with exactly `environment`, waiting off the
    /// cooperative pool (as ``CLIProcess`` does).
    static func printConfiguration(_ arguments: [String], environment: [String: String] = [:]) async throws -> CLIProcess.Output {
        let executable = try CLIProcess.executable()
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = executable
                    process.arguments = ["serve"] + arguments + ["--print-configuration"]
                    process.environment = environment
                    let out = Pipe()
                    let err = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    let stdout = out.fileHandleForReading.readDataToEndOfFile()
                    let stderr = err.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    return CLIProcess.Output(
                        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
                })
            }
        }
    }

    static func settings(_ output: CLIProcess.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "stdout: \(output.stdout)")
    }

    /// A configuration file with `text` in a fresh directory.
    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-serve-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("with nothing given, the documented defaults: 127.0.0.1:8080, ./var, in-process mocks, 2 s deadline, 200 req/s")
    func defaults() async throws {
        let output = try await Self.printConfiguration([])
        #expect(output.status == 0, "\(output.stderr)")
        let settings = try Self.settings(output)
        #expect(settings["host"] as? String == "127.0.0.1")
        #expect(settings["port"] as? Int == 8080)
        #expect(settings["dataDirectory"] as? String == "var")
        #expect(settings["registries"] == nil)
        #expect(settings["requestDeadlineMilliseconds"] as? Int == 2_000)
        #expect(settings["logLevel"] as? String == "info")
        #expect((settings["rateLimit"] as? [String: Any])?["burst"] as? Int == 400)
        #expect(settings["idleTimeoutSeconds"] as? Int == 15)
        #expect(settings["nioExecutor"] as? Bool == true)
        #expect(settings["providerStatusCacheSeconds"] as? Int == 300)
        #expect(settings["consentCacheSize"] as? Int == 100_000)
    }

    @Test("the file overrides defaults, the environment overrides the file, flags override the environment")
    func precedence() async throws {
        let config = try Self.file("""
            {"host": "0.0.0.0", "port": 9001, "registries": "/etc/qorgan/registries.json", "requestDeadlineMilliseconds": 3000,
             "logLevel": "debug", "rateLimit": {"burst": 50, "enabled": false}}
            """)
        defer { try? FileManager.default.removeItem(at: config) }
        let output = try await Self.printConfiguration(
            ["--config", config.path, "--port", "9003"],
            environment: [
                "QORGAN_PORT": "9002", "QORGAN_REQUEST_DEADLINE_MS": "4000", "QORGAN_DATA_DIR": "/srv/qorgan", "QORGAN_IDLE_TIMEOUT_SECONDS": "40",
            ])
        #expect(output.status == 0, "\(output.stderr)")
        let settings = try Self.settings(output)
        #expect(settings["host"] as? String == "0.0.0.0")  // file
        #expect(settings["registries"] as? String == "/etc/qorgan/registries.json")  // file
        #expect(settings["logLevel"] as? String == "debug")  // file
        #expect(settings["requestDeadlineMilliseconds"] as? Int == 4_000)  // environment over file
        #expect(settings["dataDirectory"] as? String == "/srv/qorgan")  // environment over default
        #expect(settings["idleTimeoutSeconds"] as? Int == 40)  // environment over default
        #expect(settings["port"] as? Int == 9_003)  // flag over environment over file
        let rateLimit = try #require(settings["rateLimit"] as? [String: Any])
        #expect(rateLimit["burst"] as? Int == 50)
        #expect(rateLimit["enabled"] as? Bool == false)
        #expect((rateLimit["requestsPerSecond"] as? NSNumber)?.doubleValue == 200)  // default kept beside file values

        let viaVariable = try await Self.printConfiguration([], environment: ["QORGAN_CONFIG": config.path])
        #expect(try Self.settings(viaVariable)["port"] as? Int == 9_001)
    }

    @Test("an unknown key in the file is an error naming the key (nested keys by their dotted path)", arguments: [
        (#"{"prot": 9000}"#, "'prot'"),
        (#"{"port": 9000, "rateLimit": {"brust": 10}}"#, "'rateLimit.brust'"),
    ])
    func unknownKey(text: String, named: String) async throws {
        let config = try Self.file(text)
        defer { try? FileManager.default.removeItem(at: config) }
        let output = try await Self.printConfiguration(["--config", config.path])
        #expect(output.status != 0)
        #expect(output.stderr.contains("unknown key \(named)"), "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test("a value of the wrong type or range is refused naming its file key, variable or flag", arguments: [
        ([String](), ["QORGAN_PORT": "eighty"], "QORGAN_PORT"),
        (["--log-level", "loud"], [:], "--log-level"),
        ([String](), ["QORGAN_RATE_LIMIT_ENABLED": "maybe"], "QORGAN_RATE_LIMIT_ENABLED"),
        ([String](), ["QORGAN_IDLE_TIMEOUT_SECONDS": "0"], "QORGAN_IDLE_TIMEOUT_SECONDS"),
        ([String](), ["QORGAN_PROVIDER_STATUS_CACHE_SECONDS": "-1"], "QORGAN_PROVIDER_STATUS_CACHE_SECONDS"),
        ([String](), ["QORGAN_CONSENT_CACHE_SIZE": "-5"], "QORGAN_CONSENT_CACHE_SIZE"),
    ])
    func invalidValue(arguments: [String], environment: [String: String], named: String) async throws {
        let output = try await Self.printConfiguration(arguments, environment: environment)
        #expect(output.status != 0)
        #expect(output.stderr.contains(named), "\(output.stderr)")
    }

    @Test("a file value of the wrong type is refused naming the key")
    func wrongTypeInFile() async throws {
        let config = try Self.file(#"{"port": "ninety"}"#)
        defer { try? FileManager.default.removeItem(at: config) }
        let output = try await Self.printConfiguration(["--config", config.path])
        #expect(output.status != 0)
        #expect(output.stderr.contains("port"), "\(output.stderr)")
        let missing = try await Self.printConfiguration(["--config", "/nonexistent/qorgan.json"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/nonexistent/qorgan.json"))
    }
}
