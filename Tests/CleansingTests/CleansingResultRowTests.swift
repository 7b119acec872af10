import Cleansing
import Foundation
import Storage
import Verification
import Testing

@Suite struct CleansingResultRowTests {
    typealias S = CSVTestSupport

    static let full = CleansingResultRow(
        line: 17, status: .decided(.correctable), reasonCodes: ["NAME_MISMATCH", "BIRTH_DATE_SWAPPED"], recordID: "D0000042",
        iin: "850415300121", iinStatus: "VALID", surname: "ИВАНОВА", firstName: "ӘСЕЛ", patronymic: "СЕРІКҚЫЗЫ", birthDate: "1985-04-15",
        phone: "+77011234567", phoneCheck: .valid, region: "г. Алматы", childIIN: "150101600123",
        corrections: [
            SuggestedCorrection(field: .surname, current: "ИВАНОВ", suggested: "ИВАНОВА"),
            SuggestedCorrection(field: .firstName, current: "a|b:c→d\\e", suggested: ""),
        ],
        matchScore: -3.25, matchExplanation: "surname: jw≥0.92 +4.1; first_name: exact +6.0", duplicateGroup: "G000007",
        registryErrors: [RegistryErrorNote(registry: .health, unavailable: .timeout), RegistryErrorNote(registry: .individuals, kind: "x|y")],
        note: "line1\r\nline2; \"quoted\"", rawText: "")

    static let nasty = CleansingResultRow(
        line: 3, status: .decided(.mismatch), reasonCodes: ["A|B", "C\\"], recordID: "=HYPERLINK(\"x\")", iin: "'85", surname: "-Иванов",
        firstName: "@name", patronymic: " spaced ", birthDate: "\t1", phone: "+7 701", region: "+", matchScore: 0.1 + 0.2,
        matchExplanation: "=1+1", note: "'", rawText: "''")

    static let unreadable = CleansingResultRow(
        unreadable: UnreadableRow(error: CSVRowError(line: 9, reason: .fieldCount(expected: 9, found: 4)), rawText: "1;2;\"3\";4"))

    @Test("a row's CSV fields parse back to the same row", arguments: [full, nasty, unreadable, CleansingResultRow(line: 1, status: .decided(.valid))])
    func fieldsRoundTrip(row: CleansingResultRow) throws {
        #expect(try CleansingResultRow(csvFields: row.csvFields) == row)
        #expect(try CleansingResultRow(checkpointPayload: row.checkpointPayload) == row)
        #expect(try CleansingResultRow(batchRowResult: row.batchRowResult) == row)
        #expect(row.batchRowResult.status == row.status.rawValue)
        #expect(row.batchRowResult.line == Int64(row.line))
    }

    @Test("columns start with line and status; unreadable rows carry code, bilingual note and raw text")
    func columns() {
        #expect(Array(CleansingOutputColumn.headerNames.prefix(3)) == ["line", "status", "decision"])
        let fields = Self.unreadable.csvFields
        #expect(fields[0] == "9")
        #expect(fields[1] == "UNREADABLE")
        #expect(fields[2] == "")
        #expect(fields[3] == "FIELD_COUNT")
        #expect(Self.unreadable.note.contains("ожидалось") && Self.unreadable.note.contains("expected"))
        #expect(fields.last == "1;2;\"3\";4")
    }

    @Test("cells a spreadsheet would run as formulas get a leading apostrophe; E.164 phones and numbers do not")
    func formulaGuard() {
        let fields = Dictionary(uniqueKeysWithValues: zip(CleansingOutputColumn.allCases, Self.nasty.csvFields))
        #expect(fields[.recordID] == "'=HYPERLINK(\"x\")")
        #expect(fields[.surname] == "'-Иванов")
        #expect(fields[.firstName] == "'@name")
        #expect(fields[.iin] == "''85")
        #expect(fields[.phone] == "'+7 701")
        #expect(fields[.matchScore] == String(0.1 + 0.2))
        let full = Dictionary(uniqueKeysWithValues: zip(CleansingOutputColumn.allCases, Self.full.csvFields))
        #expect(full[.phone] == "+77011234567")
        #expect(full[.matchScore] == "-3.25")
    }

    @Test("lists are readable in a cell")
    func listCells() {
        #expect(Self.full.cell(.reasonCodes) == "NAME_MISMATCH|BIRTH_DATE_SWAPPED")
        #expect(Self.full.cell(.suggestedCorrections).hasPrefix("surname:ИВАНОВ→ИВАНОВА|first_name:"))
        #expect(Self.full.cell(.registryErrors) == "health:timeout|individuals:x\\|y")
    }

    @Test("rows that do not parse are typed errors naming the column",
          arguments: [(0, "x"), (1, "MAYBE"), (2, "VALID"), (12, "ALMOST"), (15, "surname"), (15, "nickname:a→b"), (16, "1,5"), (19, "nowhere:timeout"), (3, "A\\")])
    func badRows(index: Int, value: String) {
        var fields = Self.full.csvFields
        fields[index] = value
        #expect { _ = try CleansingResultRow(csvFields: fields) } throws: { error in
            guard let error = error as? CleansingError else { return false }
            return error.code == .invalidResultRow && error.message.contains(CleansingOutputColumn.allCases[index].rawValue)
                && !error.message.contains(value)
        }
        #expect { _ = try CleansingResultRow(csvFields: Array(fields.dropLast())) } throws: { ($0 as? CleansingError)?.code == .invalidResultRow }
    }

    @Test("a stored result whose status disagrees with its payload is refused")
    func storedMismatch() {
        var stored = Self.full.batchRowResult
        stored.status = "VALID"
        #expect { _ = try CleansingResultRow(batchRowResult: stored) } throws: { ($0 as? CleansingError)?.code == .invalidResultRow }
    }

    @Test("description carries no personal data")
    func description() {
        #expect(Self.full.description == "CleansingResultRow(line 17, CORRECTABLE)")
    }

    @Test("the writer writes BOM, ; and CRLF by default; the file reads back through the results reader and the CSV reader",
          arguments: [CleansingOutputConfiguration.default, .comma, CleansingOutputConfiguration(separator: .comma, byteOrderMark: false, lineEnding: .lf, bufferSize: 10)])
    func writerRoundTrip(configuration: CleansingOutputConfiguration) throws {
        let directory = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.csv").path
        let rows = [Self.full, Self.nasty, Self.unreadable] + (1...200).map { CleansingResultRow(line: 100 + $0, status: .decided(.valid), surname: "Ф\($0)") }
        let writer = try CleansingResultWriter(path: path, configuration: configuration)
        for row in rows { try writer.write(row) }
        try writer.close()
        #expect(throws: CleansingError.self) { try writer.write(Self.full) }
        #expect(writer.rowsWritten == rows.count)

        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: S.bom) == configuration.byteOrderMark)
        let headerLine = CleansingOutputColumn.headerNames.joined(separator: configuration.separator.rawValue)
            + (configuration.lineEnding == .crlf ? "\r\n" : "\n")
        #expect(bytes.dropFirst(configuration.byteOrderMark ? 3 : 0).starts(with: Array(headerLine.utf8)))

        let reader = try CleansingResultReader(path: path)
        var back: [CleansingResultRow] = []
        while let row = try reader.next() { back.append(row) }
        #expect(back == rows)

        let (csv, items) = try S.items(bytes)
        #expect(csv.separator == configuration.separator)
        #expect(S.unreadable(items).isEmpty)
        #expect(S.records(items).count == rows.count)
    }

    @Test("the results reader refuses a file that is not a results file")
    func resultsReaderHeader() {
        #expect { _ = try CleansingResultReader(bytes: S.utf8("ИИН;Фамилия\n1;2\n")) } throws: {
            ($0 as? CleansingError)?.code == .invalidOutputHeader
        }
    }

    @Test("status codes parse back and every decision has labels")
    func statuses() {
        for status in CleansingRowStatus.allCases {
            #expect(CleansingRowStatus(rawValue: status.rawValue) == status)
            #expect(!status.labelRu.isEmpty && !status.labelEn.isEmpty)
        }
        #expect(CleansingRowStatus.allCases.count == 9)
        #expect(CleansingDecision.allCases.map(\.rawValue) == [
            "VALID", "CORRECTABLE", "MISMATCH", "INVALID_IIN", "NOT_FOUND", "DECEASED", "DUPLICATE", "REGISTRY_UNAVAILABLE",
        ])
        #expect(CleansingRowStatus(rawValue: "valid") == nil)
    }
}
