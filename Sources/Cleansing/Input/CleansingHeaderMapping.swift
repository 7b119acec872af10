/// Which header column holds which ``CleansingColumn``: built once from the header line and any `--columns`
/// overrides, then used to turn every ``CSVRecord`` into a ``CleansingInputRow``.
///
/// Recognised names come from ``CleansingColumn/headerAliases`` (Russian, Kazakh, English, the population's
/// declarations export). Overrides win; a header used by an override is not assigned again. Columns nobody
/// recognises are listed in ``unmappedHeaders`` (e.g. `child_surname`, `section`) and ignored.
public struct CleansingHeaderMapping: Sendable, Hashable {
    /// Field → 0-based index in the header.
    public let indices: [CleansingColumn: Int]
    /// The header as read.
    public let header: [String]

    /// Maps a header.
    ///
    /// - Throws: ``CleansingError/Code/missingRequiredColumn`` when no column is the IIN (the message lists the
    ///   headers found); ``CleansingError/Code/ambiguousColumn`` when two headers claim one field;
    ///   ``CleansingError/Code/invalidColumnMapping`` when an override names a header that is not there.
    public init(header: [String], overrides: ColumnMappingOverrides = ColumnMappingOverrides()) throws(CleansingError) {
        self.header = header
        var indices: [CleansingColumn: Int] = [:]
        var taken = Set<Int>()
        let keys = header.map(HeaderKey.init)
        for (column, reference) in overrides.assignments {
            let index: Int
            switch reference {
            case .position(let position):
                guard position <= header.count else {
                    throw CleansingError(.invalidColumnMapping, "\(column.rawValue)=#\(position), but the header has \(header.count) columns")
                }
                index = position - 1
            case .name(let name):
                let key = HeaderKey(name)
                let matches = keys.indices.filter { keys[$0] == key }
                guard let first = matches.first else {
                    throw CleansingError(
                        .invalidColumnMapping, "\(column.rawValue)=\(name): no such header; found: \(Self.list(header))")
                }
                guard matches.count == 1 else {
                    throw CleansingError(
                        .invalidColumnMapping, "\(column.rawValue)=\(name): the header has it \(matches.count) times; use #N")
                }
                index = first
            }
            indices[column] = index
            taken.insert(index)
        }
        for (index, key) in keys.enumerated() where !taken.contains(index) {
            guard let column = CleansingColumn.aliasIndex[key], !overrides.assigns(column) else { continue }
            if let existing = indices[column] {
                throw CleansingError(
                    .ambiguousColumn,
                    "both “\(header[existing])” (column \(existing + 1)) and “\(header[index])” (column \(index + 1)) look like \(column.rawValue); choose one with --columns \(column.rawValue)=…"
                )
            }
            indices[column] = index
        }
        for column in CleansingColumn.allCases where column.isRequired && indices[column] == nil {
            throw CleansingError(
                .missingRequiredColumn,
                "no \(column.rawValue) column (e.g. ИИН, ЖСН, iin); found: \(Self.list(header)); name it with --columns \(column.rawValue)=…")
        }
        self.indices = indices
    }

    /// Header names no field was assigned to, in header order.
    public var unmappedHeaders: [String] {
        let used = Set(indices.values)
        return header.indices.filter { !used.contains($0) }.map { header[$0] }
    }

    /// Field → header name, for the report and logs (header names are not personal data).
    public var headerNames: [CleansingColumn: String] {
        indices.mapValues { header[$0] }
    }

    /// A record's fields picked by column; absent columns are `nil`, values are otherwise untouched.
    public func row(from record: CSVRecord) -> CleansingInputRow {
        var values = [String?](repeating: nil, count: CleansingColumn.allCases.count)
        for (column, index) in indices where index < record.fields.count {
            values[column.ordinal] = record.fields[index]
        }
        return CleansingInputRow(line: record.line, values: values)
    }

    /// The header names for an error message. A name with four or more digits is likely a data row (a file
    /// without a header line) and is shown as `<data>`, so that no IIN or phone reaches a message.
    static func list(_ header: [String]) -> String {
        guard !header.isEmpty else { return "(nothing)" }
        let shown = header.prefix(30).map { name -> String in
            if name.unicodeScalars.filter({ ("0"..."9").contains($0) }).count >= 4 { return "<data>" }
            return "“" + String(name.prefix(40)) + "”"
        }
        let more = header.count > 30 ? ", … (\(header.count) columns)" : ""
        let hint = shown.contains("<data>") ? " (is the first line a header?)" : ""
        return shown.joined(separator: ", ") + more + hint
    }
}

extension ColumnMappingOverrides {
    func assigns(_ column: CleansingColumn) -> Bool { assignments.contains { $0.column == column } }
}

extension CleansingColumn {
    /// Position in `allCases`, for dense storage.
    var ordinal: Int {
        switch self {
        case .iin: 0
        case .surname: 1
        case .firstName: 2
        case .patronymic: 3
        case .birthDate: 4
        case .phone: 5
        case .region: 6
        case .childIIN: 7
        case .recordID: 8
        }
    }
}
