import Foundation
import Storage

/// The store's keys: from QORGAN_LOOKUP_KEY / QORGAN_PAYLOAD_KEY, else from `<data>/store-keys.json`, else generated
/// once and written there (mode 0600).
enum StoreKeyFile {
    struct Document: Codable {
        var lookupKey: String
        var payloadKey: String
    }

    static func load(directory: URL, environment: [String: String]) throws -> StoreKeys {
        if let lookup = environment["QORGAN_LOOKUP_KEY"], let payload = environment["QORGAN_PAYLOAD_KEY"] {
            return try StoreKeys(lookupKeyBase64: lookup, payloadKeyBase64: payload)
        }
        let file = directory.appendingPathComponent("store-keys.json")
        if let data = FileManager.default.contents(atPath: file.path) {
            let document = try JSONDecoder().decode(Document.self, from: data)
            return try StoreKeys(lookupKeyBase64: document.lookupKey, payloadKeyBase64: document.payloadKey)
        }
        var lookup = [UInt8](repeating: 0, count: 32)
        var payload = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in 0..<32 {
            lookup[index] = UInt8.random(in: 0...255, using: &generator)
            payload[index] = UInt8.random(in: 0...255, using: &generator)
        }
        let document = Document(lookupKey: Data(lookup).base64EncodedString(), payloadKey: Data(payload).base64EncodedString())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        FileManager.default.createFile(atPath: file.path, contents: try encoder.encode(document), attributes: [.posixPermissions: 0o600])
        return try StoreKeys(lookupKeyBase64: document.lookupKey, payloadKeyBase64: document.payloadKey)
    }
}
