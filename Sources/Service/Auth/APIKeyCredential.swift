public import Hummingbird
import Crypto
import Foundation

/// How a client presents its API key and how the gateway turns it into the stored form.
///
/// Accepted: `Authorization: Bearer <key>` (scheme case-insensitive) or `X-API-Key: <key>`; when both are sent,
/// `Authorization` wins. The store only ever sees ``hash(_:)`` of the key: lowercase SHA-256 hex.
public enum APIKeyCredential {
    /// The `X-API-Key` header name.
    public static let apiKeyHeader = HTTPFields.Element.Name("X-API-Key")!

    /// The longest key looked up; a longer one is refused as invalid without hashing it.
    public static let maximumKeyLength = 256

    /// The key a request presents, `nil` when it presents none.
    public static func key(in headers: HTTPFields) -> String? {
        if let authorization = headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return sanitized(parts[1])
            }
        }
        if let key = headers[apiKeyHeader] {
            return sanitized(Substring(key))
        }
        return nil
    }

    /// Lowercase SHA-256 hex of a key: what ``Storage/APIKeyStore/key(hash:)`` looks up.
    public static func hash(_ key: String) -> String {
        sha256Hex(Array(key.utf8))
    }

    private static func sanitized(_ key: Substring) -> String? {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
