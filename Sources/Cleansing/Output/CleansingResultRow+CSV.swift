import Verification

extension CleansingResultRow {
    private static let correctionSpecials: Set<Character> = [":", "→"]

    /// The row's cells in ``CleansingOutputColumn`` order, as written to the results file. Text that a spreadsheet
    /// would run as a formula (`=…`, `+…`, `-…`, `@…`) gets a leading `'`; parsing removes it.
    public var csvFields: [String] {
        CleansingOutputColumn.allCases.map { FormulaGuard.protect(cell($0), column: $0) }
    }

    /// The value of one column, without the formula guard.
    public func cell(_ column: CleansingOutputColumn) -> String {
        switch column {
        case .line: String(line)
        case .status: status.rawValue
        case .decision: decision?.rawValue ?? ""
        case .reasonCodes: CellList.join(reasonCodes)
        case .recordID: recordID
        case .iin: iin
        case .iinStatus: iinStatus
        case .surname: surname
        case .firstName: firstName
        case .patronymic: patronymic
        case .birthDate: birthDate
        case .phone: phone
        case .phoneCheck: phoneCheck?.rawValue ?? ""
        case .region: region
        case .childIIN: childIIN
        case .suggestedCorrections:
            corrections.map { correction in
                correction.field.rawValue + ":" + CellList.escape(correction.current, specials: Self.correctionSpecials) + "→"
                    + CellList.escape(correction.suggested, specials: Self.correctionSpecials)
            }.joined(separator: String(CellList.itemSeparator))
        case .matchScore: matchScore.flatMap { $0.isFinite ? String($0) : nil } ?? ""
        case .matchExplanation: matchExplanation
        case .duplicateGroup: duplicateGroup
        case .registryErrors: CellList.join(registryErrors.map { $0.registry.rawValue + ":" + $0.kind })
        case .note: note
        case .raw: rawText
        }
    }

    /// Parses the cells of one results-file row, in ``CleansingOutputColumn`` order.
    ///
    /// - Throws: ``CleansingError/Code/invalidResultRow`` naming the column that does not parse (never its content).
    public init(csvFields fields: [String]) throws(CleansingError) {
        let columns = CleansingOutputColumn.allCases
        guard fields.count == columns.count else {
            throw CleansingError(.invalidResultRow, "expected \(columns.count) fields, found \(fields.count)")
        }
        func field(_ column: CleansingOutputColumn) -> String {
            FormulaGuard.unprotect(fields[columns.firstIndex(of: column)!], column: column)
        }
        func invalid(_ column: CleansingOutputColumn) -> CleansingError {
            CleansingError(.invalidResultRow, "column \(column.rawValue) does not parse")
        }
        guard let line = Int(field(.line)), line >= 1 else { throw invalid(.line) }
        guard let status = CleansingRowStatus(rawValue: field(.status)) else { throw invalid(.status) }
        guard field(.decision) == (status.decision?.rawValue ?? "") else { throw invalid(.decision) }
        guard let reasonCodes = CellList.items(field(.reasonCodes)) else { throw invalid(.reasonCodes) }
        let phoneCheck: CleansingPhoneCheck?
        if field(.phoneCheck).isEmpty {
            phoneCheck = nil
        } else {
            guard let check = CleansingPhoneCheck(rawValue: field(.phoneCheck)) else { throw invalid(.phoneCheck) }
            phoneCheck = check
        }
        var corrections: [SuggestedCorrection] = []
        if !field(.suggestedCorrections).isEmpty {
            guard let items = CellList.split(field(.suggestedCorrections), on: CellList.itemSeparator) else { throw invalid(.suggestedCorrections) }
            for item in items {
                guard let colon = item.firstIndex(of: ":"),
                    let column = CleansingColumn(rawValue: String(item[..<colon])),
                    let values = CellList.split(String(item[item.index(after: colon)...]), on: "→"), values.count == 2,
                    let current = CellList.unescape(values[0]), let suggested = CellList.unescape(values[1])
                else { throw invalid(.suggestedCorrections) }
                corrections.append(SuggestedCorrection(field: column, current: current, suggested: suggested))
            }
        }
        let matchScore: Double?
        if field(.matchScore).isEmpty {
            matchScore = nil
        } else {
            guard let score = Double(field(.matchScore)), score.isFinite else { throw invalid(.matchScore) }
            matchScore = score
        }
        guard let errorItems = CellList.items(field(.registryErrors)) else { throw invalid(.registryErrors) }
        var registryErrors: [RegistryErrorNote] = []
        for item in errorItems {
            guard let colon = item.firstIndex(of: ":"), let registry = RegistryName(rawValue: String(item[..<colon])) else {
                throw invalid(.registryErrors)
            }
            registryErrors.append(RegistryErrorNote(registry: registry, kind: String(item[item.index(after: colon)...])))
        }
        self.init(
            line: line, status: status, reasonCodes: reasonCodes, recordID: field(.recordID), iin: field(.iin), iinStatus: field(.iinStatus),
            surname: field(.surname), firstName: field(.firstName), patronymic: field(.patronymic), birthDate: field(.birthDate),
            phone: field(.phone), phoneCheck: phoneCheck, region: field(.region), childIIN: field(.childIIN), corrections: corrections,
            matchScore: matchScore, matchExplanation: field(.matchExplanation), duplicateGroup: field(.duplicateGroup),
            registryErrors: registryErrors, note: field(.note), rawText: field(.raw))
    }
}
