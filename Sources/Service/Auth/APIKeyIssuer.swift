public import Foundation
public import Storage

/// Makes new API keys: `qk_` + base64url (no padding) of 32 random bytes from the system's secure generator, a
/// key id `key_` + 16 random letters, and the record holding the key's SHA-256 hex.
///
/// ```swift
/// let issued = APIKeyIssuer().issue(name: "front-end", role: .registrar)
/// try await store.add(issued.record)
/// print(issued.key)   // shown once
/// ```
public struct APIKeyIssuer: Sendable {
    /// An issuer.
    public init() {}

    /// A new key named `name` with `role`, created at `createdAt` (default now).
    public func issue(name: String, role: APIKeyRecord.Role, createdAt: Date = Date()) -> IssuedAPIKey {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        let key = "qk_" + Self.base64URL(bytes)
        let id = "key_" + String(RequestIdentifier.generate(using: &generator).prefix(16))
        let record = APIKeyRecord(id: id, name: name, role: role, keyHash: APIKeyCredential.hash(key), createdAt: createdAt)
        return IssuedAPIKey(key: key, record: record)
    }

    /// Base64url without padding (RFC 4648 §5).
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
