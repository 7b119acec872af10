/// Reads a CSV file record by record in constant memory: detects the encoding and separator, reads the header,
/// then yields each data row as a ``CSVReadItem`` — a record, or an unreadable row with its reason — in file order.
///
/// The file is read in chunks of ``CSVReaderConfiguration/chunkSize``; at most one record
/// (≤ ``CSVReaderConfiguration/maximumRecordBytes``) is assembled at a time. Quoting follows RFC 4180 (quoted
/// separators and line breaks, doubled quotes), line ends may be CRLF or LF, and each item carries the
/// *physical* line it starts on. A bad row never stops the stream: a wrong field count, a quote left open, text
/// after a closing quote or bytes invalid in the encoding become an ``UnreadableRow`` with its raw text. A quote
/// left open is not allowed to swallow the rest of the file: the row's first physical line is reported and
/// reading resumes on the next line. Only I/O failures throw.
///
/// ```swift
/// let reader = try CSVRecordReader(path: "parents.csv")
/// print(reader.encoding, reader.separator, reader.header)
/// while let item = try reader.next() {
///     switch item {
///     case .record(let record): …          // record.line, record.fields
///     case .unreadable(let row): …         // row.line, row.error.reason, row.rawText
///     }
/// }
/// ```
///
/// Not thread-safe: one reader per task. For `for try await`, use ``CSVRecordSequence``.
public final class CSVRecordReader {
    /// The configuration it reads with.
    public let configuration: CSVReaderConfiguration
    /// The input's encoding, given or detected.
    public let encoding: CSVTextEncoding
    /// Whether the input starts with a UTF-8 byte-order mark.
    public let hasByteOrderMark: Bool
    /// The field separator, given or detected.
    public let separator: CSVSeparator
    /// The header's fields, decoded (a leading BOM removed).
    public private(set) var header: [String] = []
    /// The physical line the header is on.
    public private(set) var headerLine = 1
    /// What has been read so far.
    public private(set) var statistics = CSVReaderStatistics()

    private var source: any CSVByteSource
    private var buffer: [UInt8] = []
    private var bufferPosition = 0
    private var bufferEnd = 0
    /// Absolute offset of `buffer[0]` in the input.
    private var bufferOffset = 0
    private var endOfInput = false
    private var separatorByte: UInt8
    private var currentLine = 1
    private var scratch: [UInt8] = []

    // MARK: - Record being assembled

    private var raw: [UInt8] = []
    private var fieldBytes: [UInt8] = []
    private var fieldEnds: [Int] = []
    private var recordStartLine = 1
    private var recordHasBytes = false
    private var inQuotes = false
    private var fieldStarted = false
    private var afterClosingQuote = false
    private var pendingCarriageReturn = false
    private var misplacedQuoteField: Int?
    private var tooLong = false
    /// Absolute offset just after the first line break inside an open quote, and the raw length before it.
    private var firstLineBreak: (offset: Int, rawLength: Int)?

    /// Opens a file and reads its header.
    ///
    /// - Throws: ``CleansingError/Code/io`` when the file cannot be read, ``CleansingError/Code/emptyInput``
    ///   when it holds no header line.
    public convenience init(path: String, configuration: CSVReaderConfiguration = .default) throws(CleansingError) {
        try self.init(source: try FileByteSource(path: path), configuration: configuration)
    }

    /// Reads bytes already in memory (tests, small uploads); otherwise as ``init(path:configuration:)``.
    public convenience init(bytes: [UInt8], configuration: CSVReaderConfiguration = .default) throws(CleansingError) {
        try self.init(source: MemoryByteSource(bytes: bytes), configuration: configuration)
    }

    init(source: any CSVByteSource, configuration: CSVReaderConfiguration) throws(CleansingError) {
        self.configuration = configuration
        var source = source
        var sample: [UInt8] = []
        let sampleCount = try source.read(into: &sample, count: configuration.encodingDetectionBytes)
        sample.removeSubrange(sampleCount...)
        let isComplete = sampleCount < configuration.encodingDetectionBytes
        hasByteOrderMark = sample.starts(with: [0xEF, 0xBB, 0xBF])
        let body = sample.dropFirst(hasByteOrderMark ? 3 : 0)
        encoding = configuration.encoding ?? (hasByteOrderMark ? .utf8 : CSVTextEncoding.detect(sample: body, isComplete: isComplete))
        separator = configuration.separator ?? CSVSeparator.detect(headerLine: body.drop { $0 == 10 || $0 == 13 })
        separatorByte = separator.byte
        let start = hasByteOrderMark ? 3 : 0
        try source.seek(to: start)
        self.source = source
        bufferOffset = start
        statistics.bytesRead = start
        buffer = [UInt8](repeating: 0, count: configuration.chunkSize)
        raw.reserveCapacity(configuration.maximumRecordBytes)
        fieldBytes.reserveCapacity(configuration.maximumRecordBytes)
        try readHeader()
    }

    /// The next data row in file order, or `nil` at the end of the input.
    ///
    /// - Throws: ``CleansingError/Code/io`` when the file cannot be read; never for a bad row.
    public func next() throws(CleansingError) -> CSVReadItem? {
        while let item = try nextItem(expectedFieldCount: header.count) {
            switch item {
            case .record: statistics.records += 1
            case .unreadable: statistics.unreadableRows += 1
            }
            return item
        }
        return nil
    }

    // MARK: - Header

    private func readHeader() throws(CleansingError) {
        guard let item = try nextItem(expectedFieldCount: nil) else {
            throw CleansingError(.emptyInput, "the input holds no header line")
        }
        switch item {
        case .record(let record):
            header = record.fields
            headerLine = record.line
        case .unreadable(let row):
            throw CleansingError(.unreadableHeader, "the header line \(row.line) cannot be read: \(row.error.reason.code)")
        }
        if let first = header.first, first.unicodeScalars.first == "\u{FEFF}" {
            header[0] = String(first.unicodeScalars.dropFirst())
        }
    }

    // MARK: - Assembling records

    /// The next non-blank item; `expectedFieldCount` is `nil` for the header.
    private func nextItem(expectedFieldCount: Int?) throws(CleansingError) -> CSVReadItem? {
        while true {
            guard let item = try assembleRecord(expectedFieldCount: expectedFieldCount) else { return nil }
            if let item { return item }
        }
    }

    /// One record's outcome: `nil` at the end of input, `.some(nil)` for a skipped blank record.
    private func assembleRecord(expectedFieldCount: Int?) throws(CleansingError) -> CSVReadItem?? {
        resetRecord()
        while true {
            if bufferPosition == bufferEnd {
                if !endOfInput { try refill() }
                if bufferPosition == bufferEnd {
                    // End of input.
                    if inQuotes {
                        return try recoverFromOpenQuote()
                    }
                    guard recordHasBytes else { return nil }
                    if pendingCarriageReturn {
                        appendData(13)
                        pendingCarriageReturn = false
                    }
                    endField()
                    return .some(finishRecord(expectedFieldCount: expectedFieldCount))
                }
            }
            let byte = buffer[bufferPosition]
            let offset = bufferOffset + bufferPosition
            bufferPosition += 1
            statistics.bytesRead = max(statistics.bytesRead, offset + 1)
            if !recordHasBytes {
                recordHasBytes = true
                recordStartLine = currentLine
            }
            if raw.count < configuration.maximumRecordBytes {
                raw.append(byte)
            } else if !tooLong {
                if inQuotes, firstLineBreak != nil {
                    return try recoverFromOpenQuote()
                }
                tooLong = true
            }
            if try consume(byte, at: offset) {
                return .some(finishRecord(expectedFieldCount: expectedFieldCount))
            }
        }
    }

    /// Feeds one byte to the state machine; `true` when it ends the record.
    private func consume(_ byte: UInt8, at offset: Int) throws(CleansingError) -> Bool {
        let quote = UInt8(ascii: "\"")
        if inQuotes {
            if byte == quote {
                inQuotes = false
                afterClosingQuote = true
            } else {
                appendData(byte)
                if byte == 10 {
                    noteLineBreak()
                    if firstLineBreak == nil {
                        var length = raw.count - 1
                        if length > 0, raw[length - 1] == 13 { length -= 1 }
                        firstLineBreak = (offset + 1, length)
                    }
                }
            }
            return false
        }
        if pendingCarriageReturn {
            pendingCarriageReturn = false
            if byte != 10 { appendData(13) }
        }
        switch byte {
        case quote:
            if afterClosingQuote {
                // A doubled quote inside a quoted field.
                appendData(quote)
                afterClosingQuote = false
                inQuotes = true
            } else if !fieldStarted {
                fieldStarted = true
                inQuotes = true
            } else {
                // A quote inside an unquoted field is taken literally, as Excel does.
                appendData(quote)
            }
        case separatorByte:
            endField()
        case 10:
            noteLineBreak()
            if !tooLong, raw.last == 10 { raw.removeLast() }
            if !tooLong, raw.last == 13 { raw.removeLast() }
            endField()
            return true
        case 13:
            pendingCarriageReturn = true
        case 32 where afterClosingQuote, 9 where afterClosingQuote:
            break
        default:
            if afterClosingQuote, misplacedQuoteField == nil { misplacedQuoteField = fieldEnds.count + 1 }
            appendData(byte)
        }
        return false
    }

    private func appendData(_ byte: UInt8) {
        fieldStarted = true
        if !tooLong { fieldBytes.append(byte) }
    }

    private func noteLineBreak() {
        currentLine += 1
        statistics.physicalLines = max(statistics.physicalLines, currentLine - 1)
    }

    private func endField() {
        fieldEnds.append(fieldBytes.count)
        fieldStarted = false
        afterClosingQuote = false
    }

    private func resetRecord() {
        raw.removeAll(keepingCapacity: true)
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        recordHasBytes = false
        inQuotes = false
        fieldStarted = false
        afterClosingQuote = false
        pendingCarriageReturn = false
        misplacedQuoteField = nil
        tooLong = false
        firstLineBreak = nil
    }

    private func refill() throws(CleansingError) {
        bufferOffset += bufferEnd
        bufferPosition = 0
        bufferEnd = try source.read(into: &buffer, count: configuration.chunkSize)
        if bufferEnd == 0 { endOfInput = true }
        statistics.peakBufferedBytes = max(statistics.peakBufferedBytes, buffer.count + raw.capacity + fieldBytes.capacity)
    }

    /// A quote still open at the end of input (or past the record limit): the first physical line is unreadable;
    /// reading resumes on the line after it.
    private func recoverFromOpenQuote() throws(CleansingError) -> CSVReadItem?? {
        let line = recordStartLine
        let rawText: String
        if let (offset, rawLength) = firstLineBreak {
            rawText = rawTextOf(raw[..<rawLength])
            try source.seek(to: offset)
            bufferOffset = offset
            bufferPosition = 0
            bufferEnd = 0
            endOfInput = false
            currentLine = line + 1
        } else {
            rawText = rawTextOf(raw[...])
            endOfInput = true
            bufferPosition = bufferEnd
        }
        return .some(.unreadable(UnreadableRow(error: CSVRowError(line: line, reason: .unterminatedQuote), rawText: rawText)))
    }

    private func finishRecord(expectedFieldCount: Int?) -> CSVReadItem? {
        statistics.peakBufferedBytes = max(statistics.peakBufferedBytes, buffer.count + raw.capacity + fieldBytes.capacity)
        let line = recordStartLine
        if tooLong {
            return .unreadable(unreadable(line, .recordTooLong(limit: configuration.maximumRecordBytes)))
        }
        if isBlank() {
            if configuration.skipsBlankRecords || fieldEnds.count == 1 {
                statistics.blankRecords += 1
                return nil
            }
        }
        if let field = misplacedQuoteField {
            return .unreadable(unreadable(line, .misplacedQuote(field: field)))
        }
        var count = fieldEnds.count
        if let expected = expectedFieldCount, count > expected, configuration.toleratesTrailingEmptyFields,
            fieldEnds[expected - 1] == fieldEnds[count - 1]
        {
            count = expected
        }
        var fields: [String] = []
        fields.reserveCapacity(count)
        var start = 0
        for index in 0..<count {
            let end = fieldEnds[index]
            guard let text = decode(fieldBytes[start..<end]) else {
                if expectedFieldCount == nil {
                    fields.append(String(decoding: fieldBytes[start..<end], as: UTF8.self))
                    start = end
                    continue
                }
                return .unreadable(unreadable(line, .undecodableBytes(field: index + 1)))
            }
            fields.append(text)
            start = end
        }
        if let expected = expectedFieldCount, count != expected {
            return .unreadable(unreadable(line, .fieldCount(expected: expected, found: count)))
        }
        return .record(CSVRecord(line: line, fields: fields))
    }

    private func isBlank() -> Bool {
        fieldBytes.allSatisfy { $0 == 32 || $0 == 9 }
    }

    private func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        switch encoding {
        case .utf8: String(validating: bytes, as: UTF8.self)
        case .windows1251: Windows1251.decode(bytes, scratch: &scratch)
        }
    }

    private func rawTextOf(_ bytes: ArraySlice<UInt8>) -> String {
        let kept = bytes.prefix(configuration.rawTextLimit)
        switch encoding {
        case .utf8: return String(decoding: kept, as: UTF8.self)
        case .windows1251: return Windows1251.decodeLossy(kept)
        }
    }

    private func unreadable(_ line: Int, _ reason: CSVRowError.Reason) -> UnreadableRow {
        UnreadableRow(error: CSVRowError(line: line, reason: reason), rawText: rawTextOf(raw[...]))
    }
}
