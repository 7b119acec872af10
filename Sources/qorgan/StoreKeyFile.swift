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
        let keys = StoreKeys.generate()
        let document = Document(lookupKey: keys.lookupKeyBase64, payloadKey: keys.payloadKeyBase64)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        FileManager.default.createFile(atPath: file.path, contents: try encoder.encode(document), attributes: [.posixPermissions: 0o600])
        return keys
    }
}
