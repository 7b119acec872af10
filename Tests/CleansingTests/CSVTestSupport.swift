import Cleansing
import Foundation

/// Helpers shared by the cleansing tests: bytes of small CSV files and temporary files.
enum CSVTestSupport {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// UTF-8 bytes of `text`.
    static func utf8(_ text: String, bom: Bool = false) -> [UInt8] {
        (bom ? Self.bom : []) + Array(text.utf8)
    }

    /// Windows-1251 bytes of `text` (Foundation's encoder, independent of ours).
    static func windows1251(_ text: String) -> [UInt8] {
        Array(text.data(using: .windowsCP1251)!)
    }

    /// Reads every item of `bytes`.
    static func items(_ bytes: [UInt8], configuration: CSVReaderConfiguration = .default) throws -> (CSVRecordReader, [CSVReadItem]) {
        let reader = try CSVRecordReader(bytes: bytes, configuration: configuration)
        var items: [CSVReadItem] = []
        while let item = try reader.next() { items.append(item) }
        return (reader, items)
    }

    /// The records among `items`.
    static func records(_ items: [CSVReadItem]) -> [CSVRecord] {
        items.compactMap { if case .record(let record) = $0 { record } else { nil } }
    }

    /// The unreadable rows among `items`.
    static func unreadable(_ items: [CSVReadItem]) -> [UnreadableRow] {
        items.compactMap { if case .unreadable(let row) = $0 { row } else { nil } }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cleansing-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
