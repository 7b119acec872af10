import Foundation
import RegistryAdapters
import RegistryTransport
import Testing

/// The `httpEngine` and `httpPipelineDepth` settings of the registry configuration: file, environment, refused values.
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

    @Test("httpPipelineDepth is read from the file, absent by default, and the environment overrides it with a whole number ≥ 1")
    func pipelineDepth() throws {
        #expect(try RegistryConfiguration.decode(try Self.json(engine: nil), baseDirectory: nil).httpPipelineDepth == nil)
        var object = try #require(try JSONSerialization.jsonObject(with: try Self.json(engine: nil)) as? [String: Any])
        object["httpPipelineDepth"] = 4
        let file = try RegistryConfiguration.decode(try JSONSerialization.data(withJSONObject: object), baseDirectory: nil)
        #expect(file.httpPipelineDepth == 4)
        #expect(file.applyingEnvironment(["QORGAN_REGISTRY_HTTP_PIPELINE_DEPTH": "8"]).httpPipelineDepth == 8)
        for ignored in ["0", "-2", "four", ""] {
            #expect(file.applyingEnvironment(["QORGAN_REGISTRY_HTTP_PIPELINE_DEPTH": ignored]).httpPipelineDepth == 4, "\(ignored)")
        }
    }

    @Test("an unknown httpEngine is refused with the field named")
    func unknownEngine() throws {
        let data = try Self.json(engine: "curl")
        #expect(throws: RegistryConfigurationError.malformed("httpEngine: invalid value")) {
            _ = try RegistryConfiguration.decode(data, baseDirectory: nil)
        }
    }
}
