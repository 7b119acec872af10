import Foundation
import Logging

/// Why `qorgan serve`'s configuration cannot be used: an unreadable or malformed file, an unknown key, a value of
/// the wrong type or out of range. The message names the file key, variable or flag.
struct ServeConfigurationError: Error, CustomStringConvertible {
    let description: String

    static func unreadable(_ path: String) -> Self { Self(description: "configuration file \(path): cannot be read") }
    static func malformed(_ path: String) -> Self { Self(description: "configuration file \(path): not a JSON object") }
    static func unknownKey(_ key: String, file: String) -> Self {
        Self(description: "configuration file \(file): unknown key '\(key)'")
    }
    static func invalid(_ source: String, _ rule: String) -> Self { Self(description: "\(source): \(rule)") }
}

// MARK: - Keys

extension ServeConfiguration {
    /// One setting: its key in the file (dotted when nested) and its environment variable.
    ///
    /// | file key | environment | flag | default |
    /// |---|---|---|---|
    /// | `host` | `QORGAN_HOST` | `--host` | `127.0.0.1` |
    /// | `port` | `QORGAN_PORT` | `--port` | 8080 |
    /// | `dataDirectory` | `QORGAN_DATA_DIR` | `--data-dir` | `var` |
    /// | `database` | `QORGAN_DATABASE` | `--database` | none (SQLite at `<dataDirectory>/qorgan.sqlite`); `postgres://…` |
    /// | `registries` | `QORGAN_REGISTRIES` | `--registries` | none (in-process mocks) |
    /// | `population` | `QORGAN_POPULATION` | `--population` | none (generated) |
    /// | `seed` | `QORGAN_SEED` | `--seed` | 1 |
    /// | `people` | `QORGAN_PEOPLE` | `--people` | 10 000 |
    /// | `model` | `QORGAN_MODEL` | `--model` | none (built-in) |
    /// | `logLevel` | `QORGAN_LOG_LEVEL` | `--log-level` | `info` |
    /// | `requestDeadlineMilliseconds` | `QORGAN_REQUEST_DEADLINE_MS` | `--request-deadline-ms` | 2 000 |
    /// | `maxRequestBodyBytes` | `QORGAN_MAX_BODY_BYTES` | — | 1 048 576 |
    /// | `accessLog` | `QORGAN_ACCESS_LOG` | — | `true` |
    /// | `idleTimeoutSeconds` | `QORGAN_IDLE_TIMEOUT_SECONDS` | — | 15 |
    /// | `rateLimit.requestsPerSecond` | `QORGAN_RATE_LIMIT_RPS` | — | 200 |
    /// | `rateLimit.burst` | `QORGAN_RATE_LIMIT_BURST` | — | 400 |
    /// | `rateLimit.enabled` | `QORGAN_RATE_LIMIT_ENABLED` | — | `true` |
    /// | `reverifyIntervalHours` | `QORGAN_REVERIFY_INTERVAL_HOURS` | — | 24 (0 = off) |
    /// | `nioExecutor` | `QORGAN_NIO_EXECUTOR` | — | `true` |
    /// | `providerStatusCacheSeconds` | `QORGAN_PROVIDER_STATUS_CACHE_SECONDS` | — | 300 (0 = off) |
    /// | `consentCacheSize` | `QORGAN_CONSENT_CACHE_SIZE` | — | 100 000 (0 = off) |
    /// | `consoleSecureCookies` | `QORGAN_CONSOLE_SECURE_COOKIES` | — | `false` (`true` behind an HTTPS proxy) |
    ///
    /// The file itself: `--config FILE` or `QORGAN_CONFIG`.
    enum Key: String, CaseIterable {
        case host, port, dataDirectory, database, registries, population, seed, people, model, logLevel
        case requestDeadlineMilliseconds, maxRequestBodyBytes, accessLog, idleTimeoutSeconds
        case rateLimitRequestsPerSecond = "rateLimit.requestsPerSecond"
        case rateLimitBurst = "rateLimit.burst"
        case rateLimitEnabled = "rateLimit.enabled"
        case reverifyIntervalHours
        case nioExecutor
        case providerStatusCacheSeconds
        case consentCacheSize
        case consoleSecureCookies

        /// The environment variable that sets it.
        var environmentVariable: String {
            switch self {
            case .host: "QORGAN_HOST"
            case .port: "QORGAN_PORT"
            case .dataDirectory: "QORGAN_DATA_DIR"
            case .database: "QORGAN_DATABASE"
            case .registries: "QORGAN_REGISTRIES"
            case .population: "QORGAN_POPULATION"
            case .seed: "QORGAN_SEED"
            case .people: "QORGAN_PEOPLE"
            case .model: "QORGAN_MODEL"
            case .logLevel: "QORGAN_LOG_LEVEL"
            case .requestDeadlineMilliseconds: "QORGAN_REQUEST_DEADLINE_MS"
            case .maxRequestBodyBytes: "QORGAN_MAX_BODY_BYTES"
            case .accessLog: "QORGAN_ACCESS_LOG"
            case .idleTimeoutSeconds: "QORGAN_IDLE_TIMEOUT_SECONDS"
            case .rateLimitRequestsPerSecond: "QORGAN_RATE_LIMIT_RPS"
            case .rateLimitBurst: "QORGAN_RATE_LIMIT_BURST"
            case .rateLimitEnabled: "QORGAN_RATE_LIMIT_ENABLED"
            case .reverifyIntervalHours: "QORGAN_REVERIFY_INTERVAL_HOURS"
            case .nioExecutor: "QORGAN_NIO_EXECUTOR"
            case .providerStatusCacheSeconds: "QORGAN_PROVIDER_STATUS_CACHE_SECONDS"
            case .consentCacheSize: "QORGAN_CONSENT_CACHE_SIZE"
            case .consoleSecureCookies: "QORGAN_CONSOLE_SECURE_COOKIES"
            }
        }
    }

    /// The variable naming the configuration file when `--config` is not given.
    static let fileVariable = "QORGAN_CONFIG"

    // MARK: - Sources

    /// Applies a configuration file: a JSON object whose keys are ``Key``s (nested under `rateLimit`).
    ///
    /// - Throws: ``ServeConfigurationError`` naming the file and the first unknown key (in key order), or the key
    ///   whose value has the wrong type or is out of range.
    mutating func apply(file path: String) throws(ServeConfigurationError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        guard case .object(let object)? = try? JSONDecoder().decode(Value.self, from: data) else { throw .malformed(path) }
        var flat: [(String, Value)] = []
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            if key == "rateLimit", case .object(let nested) = value {
                for (inner, innerValue) in nested.sorted(by: { $0.key < $1.key }) { flat.append(("rateLimit.\(inner)", innerValue)) }
            } else if key == "rateLimit", value != .null {
                throw .invalid("\(path): rateLimit", "must be an object")
            } else {
                flat.append((key, value))
            }
        }
        for (name, value) in flat {
            guard let key = Key(rawValue: name) else { throw .unknownKey(name, file: path) }
            if value == .null { continue }
            try set(key, from: value, source: "\(path): \(name)")
        }
    }

    /// Applies every `QORGAN_*` variable of ``Key`` that is set and not empty.
    ///
    /// - Throws: ``ServeConfigurationError`` naming the variable whose value cannot be used.
    mutating func apply(environment: [String: String]) throws(ServeConfigurationError) {
        for key in Key.allCases {
            guard let text = environment[key.environmentVariable], !text.isEmpty else { continue }
            try set(key, from: .string(text), source: key.environmentVariable)
        }
    }

    /// Sets `key` from a JSON value or an environment string, checking its type and range.
    mutating func set(_ key: Key, from value: Value, source: String) throws(ServeConfigurationError) {
        switch key {
        case .host: host = try Self.string(value, source)
        case .dataDirectory: dataDirectory = try Self.string(value, source)
        case .database: database = try Self.string(value, source)
        case .registries: registries = try Self.string(value, source)
        case .population: population = try Self.string(value, source)
        case .model: model = try Self.string(value, source)
        case .logLevel:
            let level = try Self.string(value, source)
            guard Logger.Level(rawValue: level) != nil else {
                throw .invalid(source, "must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            logLevel = level
        case .port: port = try Self.integer(value, source, in: 0...65_535)
        case .seed: seed = UInt64(try Self.integer(value, source, in: 0...Int.max))
        case .people: people = try Self.integer(value, source, in: 0...Int.max)
        case .requestDeadlineMilliseconds: requestDeadlineMilliseconds = try Self.integer(value, source, in: 1...3_600_000)
        case .maxRequestBodyBytes: maxRequestBodyBytes = try Self.integer(value, source, in: 1...Int.max)
        case .accessLog: accessLog = try Self.boolean(value, source)
        case .idleTimeoutSeconds: idleTimeoutSeconds = try Self.integer(value, source, in: 1...3_600)
        case .rateLimitRequestsPerSecond:
            let rate = try Self.number(value, source)
            guard rate > 0 else { throw .invalid(source, "must be greater than 0") }
            rateLimit.requestsPerSecond = rate
        case .rateLimitBurst: rateLimit.burst = try Self.integer(value, source, in: 1...Int.max)
        case .rateLimitEnabled: rateLimit.enabled = try Self.boolean(value, source)
        case .reverifyIntervalHours:
            let hours = try Self.number(value, source)
            guard (0...8_760).contains(hours) else { throw .invalid(source, "must be a number of hours in 0…8760 (0 = off)") }
            reverifyIntervalHours = hours
        case .nioExecutor: nioExecutor = try Self.boolean(value, source)
        case .providerStatusCacheSeconds: providerStatusCacheSeconds = try Self.integer(value, source, in: 0...86_400)
        case .consentCacheSize: consentCacheSize = try Self.integer(value, source, in: 0...10_000_000)
        case .consoleSecureCookies: consoleSecureCookies = try Self.boolean(value, source)
        }
    }

    // MARK: - Values

    /// A JSON value of the file (or an environment string as `.string`).
    enum Value: Decodable, Equatable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case object([String: Value])
        case array([Value])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([String: Value].self) {
                self = .object(value)
            } else {
                self = .array(try container.decode([Value].self))
            }
        }
    }

    private static func string(_ value: Value, _ source: String) throws(ServeConfigurationError) -> String {
        guard case .string(let text) = value, !text.isEmpty else { throw .invalid(source, "must be a non-empty string") }
        return text
    }

    private static func integer(_ value: Value, _ source: String, in range: ClosedRange<Int>) throws(ServeConfigurationError) -> Int {
        let parsed: Int? = switch value {
        case .integer(let number): number
        case .string(let text): Int(text)
        default: nil
        }
        guard let parsed, range.contains(parsed) else {
            let upper = range.upperBound == Int.max ? "" : String(range.upperBound)
            throw .invalid(source, "must be an integer in \(range.lowerBound)…\(upper)")
        }
        return parsed
    }

    private static func number(_ value: Value, _ source: String) throws(ServeConfigurationError) -> Double {
        switch value {
        case .integer(let number): return Double(number)
        case .number(let number): return number
        case .string(let text): if let parsed = Double(text), parsed.isFinite { return parsed }
        default: break
        }
        throw .invalid(source, "must be a number")
    }

    private static func boolean(_ value: Value, _ source: String) throws(ServeConfigurationError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .string(let text):
            switch text.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: break
            }
        default: break
        }
        throw .invalid(source, "must be true or false")
    }
}
