import Foundation
import Identifiers
import Storage

/// A store on a fresh temporary database file, removed when the fixture goes away.
final class StoreFixture: Sendable {
    let directory: URL
    let path: String
    let keys: StoreKeys
    let store: SQLiteGatewayStore

    init(keys: StoreKeys = .generate(), configuration: SQLiteStoreConfiguration = .default) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-storage-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("qorgan.sqlite").path
        self.keys = keys
        store = try SQLiteGatewayStore(path: path, keys: keys, configuration: configuration)
    }

    /// Another store (another connection pool, as another process would have) on the same file.
    func reopen(keys: StoreKeys? = nil) throws -> SQLiteGatewayStore {
        try SQLiteGatewayStore(path: path, keys: keys ?? self.keys)
    }

    /// The bytes of the database file and its WAL, as an attacker with the disk would see them.
    func fileBytes() throws -> Data {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")) { bytes.append(wal) }
        return bytes
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Synthetic test values (valid check digits; no real person).
enum Sample {
    static let childIIN = try! IIN("150601500436")
    static let parentIIN = try! IIN("850415300121")
    static let otherChildIIN = try! IIN("120930602185")

    /// A date at whole milliseconds, as the store keeps it.
    static func date(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: 1_750_000_000 + seconds)
    }

    static func day(_ text: String) -> CalendarDate {
        let parts = text.split(separator: "-").map { Int($0)! }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2])!
    }

    static func decision(
        id: String, kind: DecisionKind = .voucherActivation, outcome: String = "ACTIVATE", reasonCodes: [String] = [],
        subjects: [SubjectKey] = [], clientRequestID: String? = nil, region: String? = "751110000", messages: [String] = ["msg-1"],
        at seconds: Double = 0, payload: String = #"{"child":{"iin":"150601500436","name":"Алия"}}"#
    ) -> StoredDecision {
        StoredDecision(
            id: id, kind: kind, outcome: outcome, reasonCodes: reasonCodes, subjects: subjects, clientRequestID: clientRequestID,
            requestFingerprint: clientRequestID.map { "fp-" + $0 }, regionKATO: region, registryMessageIDs: messages, createdAt: date(seconds),
            payload: Data(payload.utf8))
    }

    static func audit(_ action: String = "decision.recorded", subject: String, messages: [String] = []) -> AuditDraft {
        AuditDraft(actor: "key-registrar", action: action, subjectID: subject, registryMessageIDs: messages, details: ["outcome": "ACTIVATE"])
    }

    static func voucher(id: String, child: SubjectKey, decisionID: String, from start: String, to end: String) -> VoucherRecord {
        VoucherRecord(
            id: id, child: child, programmeID: "sport-2025-26", periodStart: day(start), periodEnd: day(end), decisionID: decisionID,
            activatedAt: date(0))
    }

    static func review(id: String, decisionID: String, codes: [String], region: String?, at seconds: Double) -> ReviewItem {
        ReviewItem(id: id, decisionID: decisionID, kind: .voucherActivation, reasonCodes: codes, regionKATO: region, createdAt: date(seconds))
    }
}
