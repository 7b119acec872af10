import Foundation
import GRDB
import Identifiers

/// How values map to SQLite columns: milliseconds for times, `yyyy-MM-dd` for days, JSON text for lists and maps.
enum SQLiteColumnCoding {
    static func milliseconds(_ date: Date) -> Int64 { AuditCanonicalForm.milliseconds(date) }

    static func date(_ milliseconds: Int64) -> Date { AuditCanonicalForm.date(milliseconds: milliseconds) }

    static func date(_ milliseconds: Int64?) -> Date? { milliseconds.map(date) }

    /// The date as the store keeps it (millisecond precision).
    static func truncated(_ date: Date) -> Date { self.date(milliseconds(date)) }

    static func truncated(_ date: Date?) -> Date? { date.map(truncated) }

    static func json(_ list: [String]) -> String {
        SQLiteJSONText.list(list)
    }

    static func json(_ map: [String: String]) -> String {
        SQLiteJSONText.map(map)
    }

    static func json(_ map: [String: Int]) -> String {
        SQLiteJSONText.map(map)
    }

    static func list(_ text: String) throws(StoreError) -> [String] {
        try decode([String].self, text)
    }

    static func stringMap(_ text: String) throws(StoreError) -> [String: String] {
        try decode([String: String].self, text)
    }

    static func intMap(_ text: String) throws(StoreError) -> [String: Int] {
        try decode([String: Int].self, text)
    }

    static func calendarDate(_ text: String) throws(StoreError) -> CalendarDate {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let date = CalendarDate(year: year, month: month, day: day)
        else { throw .database("stored day is not yyyy-MM-dd") }
        return date
    }

    // MARK: - Reading rows without trusting them

    /// A non-NULL text column; `.database` when it is NULL or not text (a tampered or foreign file never crashes).
    static func text(_ row: Row, _ column: String) throws(StoreError) -> String {
        guard let value = String.fromDatabaseValue(row[column] as DatabaseValue) else { throw unexpected(column) }
        return value
    }

    /// A text column that may be NULL.
    static func optionalText(_ row: Row, _ column: String) throws(StoreError) -> String? {
        let value: DatabaseValue = row[column]
        if value.isNull { return nil }
        guard let text = String.fromDatabaseValue(value) else { throw unexpected(column) }
        return text
    }

    /// A non-NULL integer column.
    static func integer(_ row: Row, _ column: String) throws(StoreError) -> Int64 {
        guard let value = Int64.fromDatabaseValue(row[column] as DatabaseValue) else { throw unexpected(column) }
        return value
    }

    /// An integer column that may be NULL.
    static func optionalInteger(_ row: Row, _ column: String) throws(StoreError) -> Int64? {
        let value: DatabaseValue = row[column]
        if value.isNull { return nil }
        guard let integer = Int64.fromDatabaseValue(value) else { throw unexpected(column) }
        return integer
    }

    /// A non-NULL blob column.
    static func blob(_ row: Row, _ column: String) throws(StoreError) -> Data {
        guard let value = Data.fromDatabaseValue(row[column] as DatabaseValue) else { throw unexpected(column) }
        return value
    }

    /// A blob column that may be NULL.
    static func optionalBlob(_ row: Row, _ column: String) throws(StoreError) -> Data? {
        let value: DatabaseValue = row[column]
        if value.isNull { return nil }
        guard let data = Data.fromDatabaseValue(value) else { throw unexpected(column) }
        return data
    }

    private static func unexpected(_ column: String) -> StoreError {
        .database("column \(column) holds an unexpected value")
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws(StoreError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw .database("stored JSON column does not decode as \(type)")
        }
    }
}
