import Foundation

/// SHA-256 hex of a JSON body in canonical form (keys sorted), so an idempotent replay with the same content in
/// another key order carries the same fingerprint; a body that is not JSON is hashed as sent.
func requestFingerprint(_ body: Data) -> String {
    let canonical = (try? JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: body), options: [.sortedKeys])) ?? body
    return sha256Hex(canonical)
}
