import Cleansing
import Foundation
import Population
import Testing

@Suite struct CSVRecordReaderTests {
    typealias S = CSVTestSupport

    static let plain = "ИИН;Фамилия;Имя\n850415300121;Иванов;Пётр\n900101400256;Сейтқали;Әсел\n"

    @Test("reads UTF-8 with and without a BOM alike, and reports the BOM")
    func utf8WithAndWithoutBOM() throws {
        for bom in [false, true] {
            let (reader, items) = try S.items(S.utf8(Self.plain, bom: bom))
            #expect(reader.encoding == .utf8)
            #expect(reader.hasByteOrderMark == bom)
            #expect(reader.header == ["ИИН", "Фамилия", "Имя"])
            #expect(S.records(items).map(\.fields) == [["850415300121", "Иванов", "Пётр"], ["900101400256", "Сейтқали", "Әсел"]])
            #expect(S.records(items).map(\.line) == [2, 3])
        }
    }

    @Test("detects Windows-1251 and decodes Cyrillic, Ё and the Kazakh І with its own table")
    func windows1251() throws {
        let text = "ИИН;Фамилия;Имя\r\n850415300121;Ёлкина;Іңкәр\r\n"
        // Foundation cannot encode ң/ә in 1251; build the bytes for what 1251 can carry.
        let bytes = S.windows1251("ИИН;Фамилия;Имя\r\n850415300121;Ёлкина;Інна №5 «тест»\r\n")
        let (reader, items) = try S.items(bytes)
        #expect(reader.encoding == .windows1251)
        #expect(S.records(items).first?.fields == ["850415300121", "Ёлкина", "Інна №5 «тест»"])
        _ = text
    }

    @Test("the 1251 table agrees with Foundation's encoder for every byte it defines")
    func windows1251Table() throws {
        var upper = ""
        for byte in UInt8(0x80)...UInt8(0xFF) where byte != 0x98 {
            let decoded = String(data: Data([byte]), encoding: .windowsCP1251)!
            upper += decoded
        }
        let header = "a\n"
        let bytes = Array(header.utf8) + Array(UInt8(0x80)...UInt8(0xFF)).filter { $0 != 0x98 && $0 != 0x0A } + [0x0A]
        let (reader, items) = try S.items(bytes, configuration: CSVReaderConfiguration(encoding: .windows1251, separator: .semicolon))
        #expect(reader.encoding == .windows1251)
        #expect(S.records(items).first?.fields == [upper])
    }

    @Test("an explicitly given encoding wins over detection")
    func explicitEncoding() throws {
        let bytes = S.windows1251("ИИН;Имя\n1;Ая\n")
        let (reader, items) = try S.items(bytes, configuration: CSVReaderConfiguration(encoding: .utf8))
        #expect(reader.encoding == .utf8)
        // The header is decoded leniently; the data row is not valid UTF-8.
        #expect(S.unreadable(items).map(\.error.reason) == [.undecodableBytes(field: 2)])
    }

    @Test("undefined 1251 byte 0x98 makes the row unreadable, not the stream")
    func undefined1251Byte() throws {
        var bytes = S.windows1251("ИИН;Имя\n1;А")
        bytes += [0x98, 0x0A]
        bytes += S.windows1251("2;Б\n")
        let (_, items) = try S.items(bytes, configuration: CSVReaderConfiguration(encoding: .windows1251))
        #expect(items.count == 2)
        #expect(S.unreadable(items).first?.error == CSVRowError(line: 2, reason: .undecodableBytes(field: 2)))
        #expect(S.records(items).map(\.fields) == [["2", "Б"]])
    }

    @Test("invalid UTF-8 in one row of a UTF-8 file is reported on that row with its raw text")
    func undecodableUTF8Row() throws {
        // Detection sees only the first 16 bytes, which are valid UTF-8.
        var bytes = S.utf8("iin,surname\n111,Ivanov\n")
        bytes += [UInt8(ascii: "2"), UInt8(ascii: ","), 0xC0, 0xC1, 0x0A]
        bytes += S.utf8("333,Petrov\n")
        let configuration = CSVReaderConfiguration(encodingDetectionBytes: 16)
        let (reader, items) = try S.items(bytes, configuration: configuration)
        #expect(reader.encoding == .utf8)
        #expect(items.map(\.line) == [2, 3, 4])
        let bad = try #require(S.unreadable(items).first)
        #expect(bad.error == CSVRowError(line: 3, reason: .undecodableBytes(field: 2)))
        #expect(bad.rawText.hasPrefix("2,"))
        #expect(bad.rawText.contains("\u{FFFD}"))
    }

    @Test("detects the separator from the header", arguments: [(";", CSVSeparator.semicolon), (",", .comma), ("\t", .tab)])
    func separatorDetection(separator: String, expected: CSVSeparator) throws {
        let text = ["ИИН", "Фамилия, имя", "Телефон"].map { $0.contains(separator) || $0.contains(",") ? "\"\($0)\"" : $0 }
            .joined(separator: separator) + "\n1\(separator)2\(separator)3\n"
        let (reader, items) = try S.items(S.utf8(text))
        #expect(reader.separator == expected)
        #expect(reader.header == ["ИИН", "Фамилия, имя", "Телефон"])
        #expect(S.records(items).first?.fields == ["1", "2", "3"])
    }

    @Test("a given separator wins over detection")
    func explicitSeparator() throws {
        let (reader, items) = try S.items(S.utf8("a,b;c\n1,2;3\n"), configuration: CSVReaderConfiguration(separator: .semicolon))
        #expect(reader.separator == .semicolon)
        #expect(reader.header == ["a,b", "c"])
        #expect(S.records(items).first?.fields == ["1,2", "3"])
    }

    @Test("RFC 4180 quoting: separators, doubled quotes and line breaks inside quotes; line numbers are physical")
    func quoting() throws {
        let text = "id;name;note\r\n1;\"Иванов; Пётр\";\"say \"\"hi\"\"\"\r\n2;\"two\r\nlines\nthree\";x\r\n3;plain;\"\"\r\n"
        let (reader, items) = try S.items(S.utf8(text))
        let records = S.records(items)
        #expect(S.unreadable(items).isEmpty)
        #expect(records.map(\.fields) == [["1", "Иванов; Пётр", "say \"hi\""], ["2", "two\r\nlines\nthree", "x"], ["3", "plain", ""]])
        #expect(records.map(\.line) == [2, 3, 6])
        #expect(reader.statistics.physicalLines == 6)
    }

    @Test("CRLF and LF read the same; a missing final line break loses nothing")
    func lineEndings() throws {
        let lf = try S.items(S.utf8("a;b\n1;2\n3;4")).1
        let crlf = try S.items(S.utf8("a;b\r\n1;2\r\n3;4\r\n")).1
        #expect(lf == crlf)
        #expect(S.records(lf).map(\.fields) == [["1", "2"], ["3", "4"]])
    }

    @Test("ragged rows become FIELD_COUNT unreadable rows with raw text; the rows around them are read")
    func raggedRows() throws {
        let text = "a;b;c\n1;2;3\n4;5\n6;7;8;9\n10;11;12\n"
        let (reader, items) = try S.items(S.utf8(text))
        #expect(items.map(\.line) == [2, 3, 4, 5])
        #expect(S.unreadable(items).map(\.error) == [
            CSVRowError(line: 3, reason: .fieldCount(expected: 3, found: 2)),
            CSVRowError(line: 4, reason: .fieldCount(expected: 3, found: 4)),
        ])
        #expect(S.unreadable(items).map(\.rawText) == ["4;5", "6;7;8;9"])
        #expect(reader.statistics.records == 2)
        #expect(reader.statistics.unreadableRows == 2)
    }

    @Test("trailing empty fields are tolerated by default and refused when configured")
    func trailingEmptyFields() throws {
        let text = "a;b\n1;2;;\n"
        #expect(S.records(try S.items(S.utf8(text)).1).map(\.fields) == [["1", "2"]])
        let strict = CSVReaderConfiguration(toleratesTrailingEmptyFields: false)
        #expect(S.unreadable(try S.items(S.utf8(text), configuration: strict).1).map(\.error.reason) == [.fieldCount(expected: 2, found: 4)])
    }

    @Test("an unterminated quote at EOF reports its first line and still reads the lines after it")
    func unterminatedQuote() throws {
        let text = "a;b\n1;ok\n2;\"open\n3;fine\n4;also fine\n"
        let (_, items) = try S.items(S.utf8(text))
        #expect(items.map(\.line) == [2, 3, 4, 5])
        let bad = try #require(S.unreadable(items).first)
        #expect(bad.error == CSVRowError(line: 3, reason: .unterminatedQuote))
        #expect(bad.rawText == "2;\"open")
        #expect(S.records(items).map(\.fields) == [["1", "ok"], ["3", "fine"], ["4", "also fine"]])
    }

    @Test("an unterminated quote on the last line is reported")
    func unterminatedQuoteLastLine() throws {
        let (_, items) = try S.items(S.utf8("a;b\n1;\"never closed"))
        #expect(items.map(\.line) == [2])
        #expect(S.unreadable(items).first?.error.reason == .unterminatedQuote)
    }

    @Test("a quote left open does not swallow more than the record limit")
    func unterminatedQuoteBounded() throws {
        var text = "a;b\n1;\"open\n"
        for index in 0..<500 { text += "\(index);value number \(index)\n" }
        let configuration = CSVReaderConfiguration(maximumRecordBytes: 256)
        let (reader, items) = try S.items(S.utf8(text), configuration: configuration)
        #expect(items.count == 501)
        #expect(S.unreadable(items).map(\.error) == [CSVRowError(line: 2, reason: .unterminatedQuote)])
        #expect(S.records(items).last?.line == 502)
        #expect(reader.statistics.peakBufferedBytes <= configuration.chunkSize + 2 * configuration.maximumRecordBytes + 1_024)
    }

    @Test("text after a closing quote is MISPLACED_QUOTE; spaces after it are fine; a quote inside a bare field is literal")
    func misplacedQuotes() throws {
        let text = "a;b\n1;\"x\"y\n2;\"ok\"  \n3;ab\"c\n"
        let (_, items) = try S.items(S.utf8(text))
        #expect(S.unreadable(items).map(\.error) == [CSVRowError(line: 2, reason: .misplacedQuote(field: 2))])
        #expect(S.records(items).map(\.fields) == [["2", "ok"], ["3", "ab\"c"]])
    }

    @Test("an over-long row is RECORD_TOO_LONG with its raw text cut; the next row is read")
    func recordTooLong() throws {
        let long = String(repeating: "x", count: 5_000)
        let text = "a;b\n1;\(long)\n2;short\n"
        let configuration = CSVReaderConfiguration(maximumRecordBytes: 1_000, rawTextLimit: 100)
        let (_, items) = try S.items(S.utf8(text), configuration: configuration)
        #expect(S.unreadable(items).map(\.error) == [CSVRowError(line: 2, reason: .recordTooLong(limit: 1_000))])
        #expect(S.unreadable(items).first?.rawText.count == 100)
        #expect(S.records(items).map(\.fields) == [["2", "short"]])
    }

    @Test("blank lines and separator-only lines are skipped and counted; line numbers stay physical")
    func blankLines() throws {
        let text = "\na;b\n\n1;2\n;\n  ;  \n3;4\n"
        let (reader, items) = try S.items(S.utf8(text))
        #expect(reader.headerLine == 2)
        #expect(S.records(items).map(\.line) == [4, 7])
        #expect(reader.statistics.blankRecords == 4)
        let keep = try S.items(S.utf8(text), configuration: CSVReaderConfiguration(skipsBlankRecords: false)).1
        #expect(S.records(keep).map(\.line) == [4, 5, 6, 7])
    }

    @Test("an empty file and an unreadable header are typed errors")
    func emptyAndBadHeader() throws {
        #expect { _ = try CSVRecordReader(bytes: []) } throws: { ($0 as? CleansingError)?.code == .emptyInput }
        #expect { _ = try CSVRecordReader(bytes: S.utf8("\n\r\n", bom: true)) } throws: { ($0 as? CleansingError)?.code == .emptyInput }
        #expect { _ = try CSVRecordReader(bytes: S.utf8("\"a;b")) } throws: { ($0 as? CleansingError)?.code == .unreadableHeader }
        #expect { _ = try CSVRecordReader(path: "/nonexistent/file.csv") } throws: { ($0 as? CleansingError)?.code == .io }
    }

    @Test("tiny chunks read the same as one big chunk (records spanning chunk borders)")
    func chunkBorders() throws {
        let text = "ИИН;\"Фамилия\";Имя\r\n850415300121;\"Иванов;\r\n \"\"И\"\"\";Әсел\r\n2;b;c\r\n3;\"x\";\"\"\r\n"
        for bom in [false, true] {
            let big = try S.items(S.utf8(text, bom: bom)).1
            let small = try S.items(S.utf8(text, bom: bom), configuration: CSVReaderConfiguration(chunkSize: 16)).1
            #expect(small == big)
            #expect(S.records(big).count == 3)
        }
    }

    @Test("reads files from disk and as an AsyncSequence, the same as from memory")
    func fileAndAsyncSequence() async throws {
        let directory = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("in.csv")
        let bytes = S.windows1251("ИИН;Фамилия\r\n1;Иванов\r\n2;\"Пет\r\nров\"\r\n3\r\n")
        try Data(bytes).write(to: url)
        let fromMemory = try S.items(bytes).1
        var fromFile: [CSVReadItem] = []
        for try await item in CSVRecordSequence(path: url.path, configuration: CSVReaderConfiguration(chunkSize: 16)) {
            fromFile.append(item)
        }
        #expect(fromFile == fromMemory)
        #expect(fromFile.map(\.line) == [2, 3, 5])
    }

    @Test("the population's two declaration dialects read to the same records")
    func populationDialects() throws {
        let directory = try S.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let population = try PopulationFixture.small()
        try population.write(to: directory)
        let excel = try CSVRecordReader(path: directory.appendingPathComponent("declarations/declarations-excel.csv").path)
        let comma = try CSVRecordReader(path: directory.appendingPathComponent("declarations/declarations.csv").path)
        #expect(excel.separator == .semicolon && excel.hasByteOrderMark)
        #expect(comma.separator == .comma && !comma.hasByteOrderMark)
        #expect(excel.header == comma.header)
        var count = 0
        while let left = try excel.next() {
            let right = try comma.next()
            guard case .record(let a) = left, case .record(let b)? = right else {
                Issue.record("unreadable row in a generated file at line \(left.line)")
                return
            }
            #expect(a.fields == b.fields)
            count += 1
        }
        #expect(try comma.next() == nil)
        #expect(count == population.declarations.count)
    }
}
