public import Foundation
import Crypto

/// The canonical bytes of an audit entry and its chain hash — the one definition every backend (SQLite,
/// PostgreSQL) and every verifier uses.
///
/// Serialisation (UTF-8), one field per line, each value length-prefixed so no value can imitate another field:
///
/// ```
/// qorgan-audit-v1
/// previous:<hex of the previous entry's hash, 64 zeros for the first>
/// sequence:<decimal>
/// recordedAt:<milliseconds since 1970-01-01T00:00:00Z, decimal>
/// actor:<byte count>:<actor>
/// action:<byte count>:<action>
/// subject:<byte count>:<subject id>
/// messages:<count>            followed by   message:<byte count>:<id>   per registry message id, in order
/// details:<count>             followed by   detail:<key bytes>:<key>:<value bytes>:<value>   sorted by key (UTF-8 bytes)
/// ```
///
/// `hash = lowercase hex(SHA-256(canonical bytes))`. Timestamps are kept at millisecond precision.
public enum AuditCanonicalForm {
    /// The previous hash of the first entry: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Milliseconds since the epoch, as stored and hashed.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The date a stored millisecond count stands for.
    public static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The canonical bytes of an entry.
    public static func bytes(previousHash: String, sequence: Int64, recordedAtMilliseconds: Int64, draft: AuditDraft) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        func line(_ text: String) {
            out.append(contentsOf: text.utf8)
            out.append(0x0a)
        }
        func field(_ tag: String, _ value: String) {
            line("\(tag):\(value.utf8.count):\(value)")
        }
        line("qorgan-audit-v1")
        line("previous:\(previousHash)")
        line("sequence:\(sequence)")
        line("recordedAt:\(recordedAtMilliseconds)")
        field("actor", draft.actor)
        field("action", draft.action)
        field("subject", draft.subjectID)
        line("messages:\(draft.registryMessageIDs.count)")
        for id in draft.registryMessageIDs { field("message", id) }
        line("details:\(draft.details.count)")
        for (key, value) in sortedDetails(draft.details) {
            line("detail:\(key.utf8.count):\(key):\(value.utf8.count):\(value)")
        }
        return out
    }

    /// The chain hash of an entry (lower-case hex SHA-256 of its canonical bytes).
    public static func hash(previousHash: String, sequence: Int64, recordedAtMilliseconds: Int64, draft: AuditDraft) -> String {
        let digest = SHA256.hash(data: bytes(previousHash: previousHash, sequence: sequence, recordedAtMilliseconds: recordedAtMilliseconds, draft: draft))
        return PersonalDataProtector.hex(digest)
    }

    /// The chain hash of a stored entry, recomputed from its content and its stored previous hash.
    public static func hash(of entry: AuditEntry) -> String {
        hash(previousHash: entry.previousHash, sequence: entry.sequence, recordedAtMilliseconds: milliseconds(entry.recordedAt), draft: entry.draft)
    }

    /// Details in canonical order: by the keys' UTF-8 bytes.
    public static func sortedDetails(_ details: [String: String]) -> [(key: String, value: String)] {
        details.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { (key: $0.key, value: $0.value) }
    }
}
