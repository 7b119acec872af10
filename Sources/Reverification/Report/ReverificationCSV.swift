import Foundation
import Verification

/// The run's CSV files (UTF-8, `,`, CRLF, quoted where needed, spreadsheet formulas defused): results,
/// contradictions and anomalies. No IIN or name in clear.
enum ReverificationCSV {
    static let resultColumns = ["voucher_id", "outcome", "reasons", "changes", "region_kato", "provider", "section", "review_id", "decision_id"]
    static let contradictionColumns = ["voucher_id", "kind", "region_kato", "provider", "registries", "detail", "message_ids"]
    static let anomalyColumns = ["kind", "providers", "coach", "region_kato", "vouchers", "voucher_ids", "detail"]

    static func resultRow(_ result: ReverificationResult) -> [String] {
        [
            result.voucherID, result.outcome.rawValue, result.reasons.joined(separator: "|"),
            result.changes.map { "\($0.fact)=\($0.now ?? "")" }.joined(separator: "|"), result.regionKATO, result.provider, result.section,
            result.reviewID ?? "", result.decisionID ?? "",
        ]
    }

    static func contradictionRow(_ contradiction: Contradiction, of result: ReverificationResult) -> [String] {
        [
            result.voucherID, contradiction.kind.rawValue, result.regionKATO, result.provider, contradiction.registries.map(\.rawValue).joined(separator: "|"),
            contradiction.detail, contradiction.messageIds.joined(separator: "|"),
        ]
    }

    static func anomalyRow(_ anomaly: ProviderAnomaly) -> [String] {
        [
            anomaly.kind.rawValue, anomaly.providers.joined(separator: "|"), anomaly.coach ?? "", anomaly.regionKATO, String(anomaly.voucherIDs.count),
            anomaly.voucherIDs.joined(separator: "|"), anomaly.detail,
        ]
    }

    /// One CSV line (with CRLF).
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Writes CSV lines to a file through a temporary file moved into place on close.
final class CSVFileWriter {
    private let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String, header: [String]) throws(ReverificationError) {
        self.path = path
        temporary = path + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw ReverificationError(.io, "cannot create \(URL(fileURLWithPath: path).lastPathComponent)")
        }
        self.handle = handle
        buffer.append(contentsOf: ReverificationCSV.line(header).utf8)
    }

    func write(_ fields: [String]) throws(ReverificationError) {
        buffer.append(contentsOf: ReverificationCSV.line(fields).utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func close() throws(ReverificationError) {
        try flush()
        do {
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            throw ReverificationError(.io, "cannot move \(URL(fileURLWithPath: path).lastPathComponent) into place")
        }
    }

    private func flush() throws(ReverificationError) {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch { throw ReverificationError(.io, "cannot write \(URL(fileURLWithPath: path).lastPathComponent)") }
        buffer.removeAll(keepingCapacity: true)
    }
}
