import Cleansing
import Identifiers
import Testing
import Verification

/// `CleansingCrossRowIndex`: each kind of finding, groups, shared phones, determinism and memory per entry.
struct PipelineCrossRowTests {
    typealias S = PipelineSamples

    private func findings(_ rows: [CleansingInputRow], configuration: CrossRowConfiguration = .init()) -> ([CrossRowFinding?], CleansingCrossRowIndex) {
        var index = CleansingCrossRowIndex(configuration: configuration)
        let found = rows.map { index.register($0) }
        return (found, index)
    }

    @Test("the first row relates to nothing; an exact repeat points at it and shares its group")
    func exactRepeat() {
        let (found, index) = findings([S.aliyaRow(line: 2), S.erlanRow(line: 3), S.aliyaRow(line: 5)])
        #expect(found[0] == nil && found[1] == nil)
        #expect(found[2] == CrossRowFinding(kind: .exactRepeat, firstLine: 2, group: "G2"))
        #expect(found[2]?.reasonCode.rawValue == "DUPLICATE_ROW")
        #expect(index.statistics.duplicateGroups == 1)
        #expect(index.statistics.duplicateRows == 1)
    }

    @Test("case, blanks and IIN separators do not make a repeat a variant")
    func exactRepeatAfterNormalisation() {
        let iin = S.aliya.unmasked
        let messy = S.row(line: 4, iin: String(iin.prefix(4)) + " " + String(iin.dropFirst(4)), surname: " НҰРЛАНОВА", firstName: "әлия", patronymic: "СЕРІКҚЫЗЫ ", birthDate: "1985-04-15")
        let (found, _) = findings([S.aliyaRow(line: 2), messy])
        #expect(found[1]?.kind == .exactRepeat)
    }

    @Test("the same IIN under a spelling variant is the same person; under another person's names it is not")
    func sameIIN() {
        let variant = S.row(line: 4, iin: S.aliya.unmasked, surname: "Нурланова", firstName: "Алия", patronymic: "Серикказы", birthDate: "15.04.1985")
        let other = S.row(line: 6, iin: S.aliya.unmasked, surname: "Ахметов", firstName: "Ерлан", patronymic: "Болатович", birthDate: "02.03.1979")
        let (found, index) = findings([S.aliyaRow(line: 2), variant, other])
        #expect(found[1] == CrossRowFinding(kind: .samePersonVariant, firstLine: 2, group: "G2"))
        #expect(found[2] == CrossRowFinding(kind: .sameIINOtherName, firstLine: 2, group: "G2"))
        #expect(found[2]?.reasonCode.rawValue == "DUPLICATE_IIN_OTHER_NAME")
        #expect(index.statistics.duplicateRowsByKind == ["SAME_PERSON_VARIANT": 1, "SAME_IIN_OTHER_NAME": 1])
    }

    @Test("the same person under a mistyped IIN is found through blocking, with or without a declared birth date")
    func mistypedIIN() {
        let typo = S.row(line: 3, iin: S.badChecksum(S.aliya), surname: "Нурланова", firstName: "Әлия", patronymic: "Серікқызы", birthDate: "15.04.1985")
        let (found, _) = findings([S.aliyaRow(line: 2), typo])
        #expect(found[1] == CrossRowFinding(kind: .samePersonVariant, firstLine: 2, group: "G2"))

        let first = S.row(line: 2, iin: S.erlan.unmasked, surname: "Ахметов", firstName: "Ерлан", patronymic: "Болатович")
        let second = S.row(line: 3, iin: S.badChecksum(S.erlan), surname: "АХМЕТОВ", firstName: "Ерлан", patronymic: "")
        let (noDates, _) = findings([first, second])
        #expect(noDates[1]?.kind == .samePersonVariant)
    }

    @Test("namesakes with distant IINs and no declared birth date, twins, and two Айгерим born the same day are not duplicates")
    func notDuplicates() {
        let a = S.row(line: 2, iin: S.iin("790302", serial: 455).unmasked, surname: "Ахметов", firstName: "Ерлан", patronymic: "Болатович")
        let b = S.row(line: 3, iin: S.iin("790302", serial: 981).unmasked, surname: "Ахметов", firstName: "Ерлан", patronymic: "Болатович")
        let twinA = S.row(line: 4, iin: S.iin("100505", century: "5", serial: 11).unmasked, surname: "Сериков", firstName: "Алихан", patronymic: "Маратович", birthDate: "05.05.2010")
        let twinB = S.row(line: 5, iin: S.iin("100505", century: "5", serial: 12).unmasked, surname: "Сериков", firstName: "Алмас", patronymic: "Маратович", birthDate: "05.05.2010")
        let aigerimA = S.row(line: 6, iin: S.iin("900707", century: "4", serial: 201).unmasked, surname: "Омарова", firstName: "Айгерим", patronymic: "Маратовна", birthDate: "07.07.1990")
        let aigerimB = S.row(line: 7, iin: S.iin("900707", century: "4", serial: 733).unmasked, surname: "Касымова", firstName: "Айгерим", patronymic: "Болатовна", birthDate: "07.07.1990")
        let (found, index) = findings([a, b, twinA, twinB, aigerimA, aigerimB])
        #expect(found.allSatisfy { $0 == nil })
        #expect(index.statistics.duplicateGroups == 0)
    }

    @Test("a row relating to a later member of a group joins the group of its first row")
    func groupChaining() {
        let variant = S.row(line: 4, iin: S.aliya.unmasked, surname: "Нурланова", firstName: "Алия", patronymic: "Серикказы", birthDate: "15.04.1985")
        let typo = S.row(line: 9, iin: S.badChecksum(S.aliya), surname: "Нурланова", firstName: "Алия", patronymic: "Серикказы", birthDate: "15.04.1985")
        let (found, index) = findings([S.aliyaRow(line: 2), variant, typo])
        #expect(found[2]?.kind == .samePersonVariant)
        #expect(found[2]?.group == "G2")
        #expect(index.statistics.duplicateGroups == 1)
        #expect(index.statistics.duplicateRows == 2)
    }

    @Test("finalise gives the group's first row its group id and leaves other rows alone")
    func finaliseHead() {
        let (_, index) = findings([S.aliyaRow(line: 2), S.erlanRow(line: 3), S.aliyaRow(line: 5)])
        let head = index.finalise(CleansingResultRow(line: 2, status: .decided(.valid), phone: "+77011234567", phoneCheck: .valid))
        #expect(head.duplicateGroup == "G2")
        #expect(head.decision == .valid)
        let single = CleansingResultRow(line: 3, status: .decided(.valid), phone: "+77017654321", phoneCheck: .valid)
        #expect(index.finalise(single) == single)
    }

    // MARK: - Shared phones

    private func familyRows(count: Int, phone: String, firstLine: Int = 2) -> [CleansingInputRow] {
        (0..<count).map { k in
            S.row(line: firstLine + k, iin: S.iin("8001\(10 + k)", serial: 300 + k).unmasked, surname: "Парент\(k)ов", firstName: "Имя", phone: phone)
        }
    }

    @Test("a phone behind five distinct IINs is SHARED on every row; four, or one IIN repeated, is not")
    func sharedPhone() {
        var rows = familyRows(count: 5, phone: "+77770000001")
        rows += familyRows(count: 4, phone: "87770000002", firstLine: 20)
        rows += (0..<8).map { S.aliyaRow(line: 40 + $0, phone: "+7 777 000 00 03") }
        let (_, index) = findings(rows)
        #expect(index.statistics.sharedPhones == 1)
        func check(_ phone: String, line: Int) -> CleansingResultRow {
            index.finalise(CleansingResultRow(line: line, status: .decided(.valid), reasonCodes: [], phone: phone, phoneCheck: .valid))
        }
        let shared = check("+77770000001", line: 2)
        #expect(shared.phoneCheck == .shared)
        #expect(shared.reasonCodes == ["PHONE_SHARED"])
        #expect(shared.decision == .valid)
        #expect(check("+77770000002", line: 20).phoneCheck == .valid)
        #expect(check("+77770000003", line: 40).phoneCheck == .valid)
        let malformed = CleansingResultRow(line: 99, status: .decided(.valid), phone: "70112", phoneCheck: .malformed)
        #expect(index.finalise(malformed) == malformed)
    }

    @Test("the shared-phone threshold is configurable")
    func sharedPhoneThreshold() {
        let (_, index) = findings(familyRows(count: 3, phone: "+77770000001"), configuration: CrossRowConfiguration(sharedPhoneThreshold: 3))
        #expect(index.statistics.sharedPhones == 1)
    }

    // MARK: - Determinism and memory

    @Test("an index fed the same rows again is rebuilt identically: findings, finalised rows and statistics")
    func rebuiltIdentically() {
        var generator = PipelineRowGenerator(seed: 11)
        let rows = generator.rows(count: 3_000)
        let (first, firstIndex) = findings(rows)
        let (second, secondIndex) = findings(rows)
        #expect(first == second)
        #expect(first.contains { $0 != nil })
        #expect(firstIndex.statistics == secondIndex.statistics)
        for row in rows.prefix(500) {
            let result = CleansingResultRow(line: row.line, status: .decided(.valid), phone: row.phone ?? "", phoneCheck: .valid)
            #expect(firstIndex.finalise(result) == secondIndex.finalise(result))
        }
    }

    @Test("memory per entry stays small and bounded (measured on 50,000 generated rows)")
    func bytesPerEntry() {
        var generator = PipelineRowGenerator(seed: 5)
        let rows = generator.rows(count: 50_000)
        var grown = CleansingCrossRowIndex()
        for row in rows { _ = grown.register(row) }
        var sized = CleansingCrossRowIndex(configuration: CrossRowConfiguration(expectedRows: rows.count))
        for row in rows { _ = sized.register(row) }
        let statistics = grown.statistics
        print("cross-row index: \(statistics.entries) entries, \(statistics.estimatedBytes) bytes grown (\(Int(statistics.bytesPerEntry)) B/entry), "
            + "\(sized.statistics.estimatedBytes) bytes presized (\(Int(sized.statistics.bytesPerEntry)) B/entry); "
            + "\(statistics.duplicateRows) duplicate rows \(statistics.duplicateRowsByKind) in \(statistics.duplicateGroups) groups, \(statistics.sharedPhones) shared phones")
        #expect(statistics.entries == rows.count)
        #expect(statistics.bytesPerEntry < 260)
        #expect(sized.statistics.bytesPerEntry < 260)
        #expect(sized.statistics.duplicateRows == statistics.duplicateRows)
    }
}

/// Seeded synthetic parent rows with some repeats, variants and mistyped IINs (no registry behind them).
struct PipelineRowGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    private mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    private static let surnames = ["Ахметов", "Нұрланов", "Сериков", "Иванов", "Жумабеков", "Ким", "Омаров", "Касымов", "Байжанов", "Петров"]
    private static let firstNames = ["Ерлан", "Әлия", "Айгерим", "Нурлан", "Дана", "Асель", "Марат", "Ольга", "Тимур", "Жанна", "Бауыржан"]
    private static let fathers = ["Болат", "Серік", "Марат", "Иван", "Нұрлан", "Қайрат"]

    mutating func rows(count: Int) -> [CleansingInputRow] {
        var rows: [CleansingInputRow] = []
        rows.reserveCapacity(count)
        for k in 0..<count {
            let line = k + 2
            if k > 10, next(20) == 0 {
                // A repeat of an earlier row, sometimes with the names in lower case.
                let earlier = rows[next(rows.count)]
                var fields: [CleansingColumn: String] = [:]
                for column in CleansingColumn.allCases { fields[column] = earlier[column] }
                if next(2) == 0 { fields[.surname] = earlier.surname?.lowercased() }
                rows.append(CleansingInputRow(line: line, fields: fields))
                continue
            }
            let year = 1960 + next(40)
            let month = 1 + next(12)
            let day = 1 + next(28)
            let yymmdd = String(format2(year % 100)) + format2(month) + format2(day)
            let iin = PipelineSamples.iin(yymmdd, century: next(2) == 0 ? "3" : "4", serial: next(9_000) + 100)
            let surname = Self.surnames[next(Self.surnames.count)] + (next(3) == 0 ? "а" : "")
            let first = Self.firstNames[next(Self.firstNames.count)]
            let father = Self.fathers[next(Self.fathers.count)]
            rows.append(PipelineSamples.row(
                line: line, iin: iin.unmasked, surname: surname, firstName: first, patronymic: father + "ович",
                birthDate: "\(format2(day)).\(format2(month)).\(year)", phone: "+7701\(format2(next(100)))\(format2(next(100)))\(next(900) + 100)"))
        }
        return rows
    }

    private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
