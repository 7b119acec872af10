/// Why store keys could not be built from configuration. Never carries key material.
public struct StoreKeysError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Sendable, Hashable {
        case notBase64
        case wrongLength(Int)
        case duplicateKeyID(UInt8)
    }

    private let code: Code
    /// Which key: `lookup`, `payload` or `retired payload <id>`.
    public let key: String

    private init(_ code: Code, key: String) {
        self.code = code
        self.key = key
    }

    /// The text is not standard base64.
    public static func notBase64(key: String) -> Self { Self(.notBase64, key: key) }
    /// The key decodes to `bytes` bytes instead of 32.
    public static func wrongLength(key: String, bytes: Int) -> Self { Self(.wrongLength(bytes), key: key) }
    /// A retired payload key uses the current payload key's id (or another retired key's).
    public static func duplicateKeyID(_ id: UInt8) -> Self { Self(.duplicateKeyID(id), key: "retired payload \(id)") }

    /// A short label for metrics: `not-base64`, `wrong-length`, `duplicate-key-id`.
    public var shortDescription: String {
        switch code {
        case .notBase64: "not-base64"
        case .wrongLength: "wrong-length"
        case .duplicateKeyID: "duplicate-key-id"
        }
    }

    /// What is wrong, without the key.
    public var description: String {
        switch code {
        case .notBase64: "\(key) key is not base64"
        case .wrongLength(let bytes): "\(key) key must be 32 bytes (44 base64 characters), got \(bytes) bytes"
        case .duplicateKeyID(let id): "payload key id \(id) is used twice"
        }
    }
}
