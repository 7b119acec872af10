import Foundation

/// SHA-256 hex of a JSON body in canonical form (keys sorted), so an idempotent replay with the same content in
/// another key order carries the same fingerprint; a body that is not JSON is hashed as sent. The canonical form is
/// `JSONSerialization`'s (`SortedKeysJSON` reproduces it without Foundation for the usual bodies).
func requestFingerprint(_ body: Data) -> String {
    let canonical =
        SortedKeysJSON.canonical(body)
        ?? (try? JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: body), options: [.sortedKeys])) ?? body
    return sha256Hex(canonical)
}
