import Foundation
import NIOCore
import PostgresNIO
import Storage

/// Reads one result row by column name without trusting it: a NULL or wrongly typed value is `StoreError.database`,
/// never a crash. Times are `BIGINT` milliseconds, calendar days `TEXT` `yyyy-MM-dd`, lists and maps JSON `TEXT`,
/// sealed payloads `BYTEA`.
struct PostgresColumns {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row.makeRandomAccess()
    }

    func text(_ column: String) throws(StoreError) -> String {
        try decode(String.self, column)
    }

    func optionalText(_ column: String) throws(StoreError) -> String? {
        try decode(String?.self, column)
    }

    func integer(_ column: String) throws(StoreError) -> Int64 {
        try decode(Int64.self, column)
    }

    func optionalInteger(_ column: String) throws(StoreError) -> Int64? {
        try decode(Int64?.self, column)
    }

    func blob(_ column: String) throws(StoreError) -> Data {
        Data(try decode(ByteBuffer.self, column).readableBytesView)
    }

    func optionalBlob(_ column: String) throws(StoreError) -> Data? {
        try decode(ByteBuffer?.self, column).map { Data($0.readableBytesView) }
    }

    func date(_ column: String) throws(StoreError) -> Date {
        AuditCanonicalForm.date(milliseconds: try integer(column))
    }

    func optionalDate(_ column: String) throws(StoreError) -> Date? {
        try optionalInteger(column).map { AuditCanonicalForm.date(milliseconds: $0) }
    }

    func list(_ column: String) throws(StoreError) -> [String] {
        try PostgresJSONColumn.decode([String].self, try text(column))
    }

    func stringMap(_ column: String) throws(StoreError) -> [String: String] {
        try PostgresJSONColumn.decode([String: String].self, try text(column))
    }

    func intMap(_ column: String) throws(StoreError) -> [String: Int] {
        try PostgresJSONColumn.decode([String: Int].self, try text(column))
    }

    private func decode<T: PostgresDecodable>(_ type: T.Type, _ column: String) throws(StoreError) -> T {
        guard row.contains(column) else { throw .database("column \(column) is missing") }
        do {
            return try row[column].decode(T.self)
        } catch {
            throw .database("column \(column) holds an unexpected value")
        }
    }
}

/// JSON text for list and map columns: sorted keys, the same text SQLite keeps.
enum PostgresJSONColumn {
    static func text(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding [String], [String: String] and [String: Int] cannot fail.
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws(StoreError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw .database("stored JSON column does not decode as \(type)")
        }
    }

    static func milliseconds(_ date: Date) -> Int64 { AuditCanonicalForm.milliseconds(date) }

    static func truncated(_ date: Date) -> Date { AuditCanonicalForm.date(milliseconds: milliseconds(date)) }

    static func bytes(_ data: Data) -> ByteBuffer { ByteBuffer(bytes: data) }
}
