import Foundation
import Identifiers
import Population

/// One shared 20,000-person population (seed 42) for the rate and ground-truth tests, generated once per process.
enum PopulationFixture {
    static let configuration = PopulationConfiguration(seed: 42, people: 20_000)
    static let population: Population = try! PopulationGenerator(configuration: configuration).generate()

    /// A fresh empty temporary directory.
    static func temporaryDirectory(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-population-\(label)-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A small RFC 4180 reader written for the tests (independent of the module's own).
enum TestCSVReader {
    struct Parsed {
        var hadByteOrderMark: Bool
        var lineEndings: Set<String>
        var records: [[String]]
    }

    static func read(_ data: Data, delimiter: Character) -> Parsed? {
        var bytes = [UInt8](data)
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { bytes.removeFirst(3) }
        let text = String(decoding: bytes, as: UTF8.self)
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var endings: Set<String> = []
        var inQuotes = false
        var iterator = Array(text.unicodeScalars)
        var index = 0
        while index < iterator.count {
            let scalar = iterator[index]
            index += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < iterator.count && iterator[index] == "\"" { field.unicodeScalars.append("\""); index += 1 } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                inQuotes = true
            } else if Character(scalar) == delimiter {
                record.append(field)
                field = ""
            } else if scalar == "\r" && index < iterator.count && iterator[index] == "\n" {
                index += 1
                endings.insert("\r\n")
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else if scalar == "\n" {
                endings.insert("\n")
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        iterator.removeAll()
        if inQuotes { return nil }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return Parsed(hadByteOrderMark: bom, lineEndings: endings, records: records)
    }
}
