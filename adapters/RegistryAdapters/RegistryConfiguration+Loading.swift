public import Foundation
import RegistryTransport

extension RegistryConfiguration {
    /// Reads a configuration file (JSON) and applies environment overrides (`applyingEnvironment(_:)`).
    ///
    /// - Throws: `RegistryConfigurationError` naming the problem.
    public static func load(from url: URL, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(RegistryConfigurationError) -> RegistryConfiguration
    {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(path: url.path) }
        return try decode(data, baseDirectory: url.deletingLastPathComponent()).applyingEnvironment(environment)
    }

    /// Decodes the JSON form; relative paths resolve against `baseDirectory`.
    public static func decode(_ data: Data, baseDirectory: URL?) throws(RegistryConfigurationError) -> RegistryConfiguration {
        do {
            var configuration = try JSONDecoder().decode(RegistryConfiguration.self, from: data)
            configuration.baseDirectory = baseDirectory
            return configuration
        } catch let DecodingError.keyNotFound(key, context) {
            throw .missing((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))
        } catch let DecodingError.typeMismatch(_, context) {
            throw .malformed(context.codingPath.map(\.stringValue).joined(separator: ".") + ": wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .missing(context.codingPath.map(\.stringValue).joined(separator: "."))
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw .malformed(context.codingPath.map(\.stringValue).joined(separator: ".") + ": invalid value")
        } catch {
            throw .malformed("not valid JSON")
        }
    }

    /// Applies environment overrides: `QORGAN_REGISTRY_<NAME>_URL` (e.g. `QORGAN_REGISTRY_HEALTH_URL`),
    /// `QORGAN_SMS_API_KEY`, `QORGAN_HEALTH_CLIENT_ID`, `QORGAN_HEALTH_CLIENT_SECRET`, `QORGAN_BUS_SENDER_ID`,
    /// `QORGAN_BUS_PASSWORD`, `QORGAN_REGISTRY_HTTP_ENGINE` (`pool` or `asyncHTTPClient`; another value is ignored),
    /// `QORGAN_REGISTRY_HTTP_PIPELINE_DEPTH` (a whole number ≥ 1; another value is ignored).
    public func applyingEnvironment(_ environment: [String: String]) -> RegistryConfiguration {
        var configuration = self
        for name in Self.registryNames {
            if let url = environment["QORGAN_REGISTRY_\(name.uppercased())_URL"], !url.isEmpty { configuration.endpoints[name] = url }
        }
        if let key = environment["QORGAN_SMS_API_KEY"], !key.isEmpty { configuration.smsAPIKey = key }
        if let engine = environment["QORGAN_REGISTRY_HTTP_ENGINE"].flatMap(RegistryHTTPClient.PlainHTTPEngine.init(rawValue:)) {
            configuration.httpEngine = engine
        }
        if let depth = environment["QORGAN_REGISTRY_HTTP_PIPELINE_DEPTH"].flatMap({ Int($0) }), depth >= 1 {
            configuration.httpPipelineDepth = depth
        }
        if let id = environment["QORGAN_HEALTH_CLIENT_ID"], !id.isEmpty { configuration.healthClient.clientId = id }
        if let secret = environment["QORGAN_HEALTH_CLIENT_SECRET"], !secret.isEmpty { configuration.healthClient.clientSecret = secret }
        if let sender = environment["QORGAN_BUS_SENDER_ID"], !sender.isEmpty {
            let password = environment["QORGAN_BUS_PASSWORD"] ?? configuration.senders.first?.password ?? ""
            configuration.senders = [Sender(senderId: sender, password: password)] + configuration.senders.dropFirst()
        }
        return configuration
    }

    /// The absolute location of a configured file path.
    func resolve(_ path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        let base = baseDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return base.appendingPathComponent(path)
    }
}
