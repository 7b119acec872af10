import Foundation
import RegistryAdapters
import RegistryTransport
import Testing

/// The `httpEngine` setting of the registry configuration: file, environment, and a refused value.
struct RegistryConfigurationEngineTests {
    static func json(engine: String?) throws -> Data {
        let configuration = RegistryConfiguration(
            endpoints: ["individuals": "http://127.0.0.1:1"], senders: [.init(senderId: "s", password: "p")],
            healthClient: .init(clientId: "c", clientSecret: "x"), smsAPIKey: "k", signingCertificate: "sign.pem")
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(configuration)) as? [String: Any])
        object["httpEngine"] = engine
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test("httpEngine is read from the file, defaults to the pool, and the environment overrides it")
    func engine() throws {
        #expect(try RegistryConfiguration.decode(try Self.json(engine: nil), baseDirectory: nil).httpEngine == nil)
        let file = try RegistryConfiguration.decode(try Self.json(engine: "asyncHTTPClient"), baseDirectory: nil)
        #expect(file.httpEngine == .asyncHTTPClient)
        #expect(file.applyingEnvironment(["QORGAN_REGISTRY_HTTP_ENGINE": "pool"]).httpEngine == .pool)
        #expect(file.applyingEnvironment(["QORGAN_REGISTRY_HTTP_ENGINE": "curl"]).httpEngine == .asyncHTTPClient)
    }

    @Test("an unknown httpEngine is refused with the field named")
    func unknownEngine() throws {
        let data = try Self.json(engine: "curl")
        #expect(throws: RegistryConfigurationError.malformed("httpEngine: invalid value")) {
            _ = try RegistryConfiguration.decode(data, baseDirectory: nil)
        }
    }
}
