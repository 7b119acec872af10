import Identifiers
import Matching
import Normalization
import Verification

/// Cross-row findings, fed every readable row in input order (also rows already done on a resumed run, so it is
/// rebuilt identically).
///
/// Three findings, each against the *first* earlier row that relates:
/// - **same IIN** (digits as typed): the same names → `exactRepeat`; names the match model accepts as the same
///   person → `samePersonVariant`; otherwise → `sameIINOtherName`;
/// - **same person under another IIN** (mistyped, or invalid): found by blocking, never over all pairs — two keys
///   per row, (birth date, first letters of the surname key) and (birth date, first letters of the first-name key),
///   the birth date being the declared one or, without it, the one the IIN's digits spell; at most
///   ``CrossRowConfiguration/maximumCandidates`` recent rows per block are scored with the match model on names (and
///   declared birth dates). Accepted when the model says MATCH, every name both rows give weighs for it (a
///   different surname, first name or patronymic is another person, whatever the birth date), and either both rows
///   declare a birth date or the two IINs differ by one typing slip;
/// - **shared phone**: a mobile number behind ≥ ``CrossRowConfiguration/sharedPhoneThreshold`` distinct IINs;
///   known only once every row is registered, so ``finalise(_:)`` marks it.
///
/// Memory is bounded per row: a 64-byte entry (packed IIN digits, line, group, name hash, date, chain links and a
/// 24-byte sketch of the name keys) plus hash-table slots for the IIN, two blocking keys and the phone — no names,
/// no raw rows. ``statistics`` reports the estimate (about 150 bytes per row: ~100 MB for 700,000 rows).
/// Deterministic: hashes are FNV-1a, not the per-process `Hasher`, and nothing depends on table order.
///
/// ```swift
/// var index = CleansingCrossRowIndex()
/// for row in rows { findings[row.line] = index.register(row) }      // first pass (or while cleansing)
/// let output = index.finalise(result)                                 // after the last row was registered
/// ```
public struct CleansingCrossRowIndex: Sendable {
    private let configuration: CrossRowConfiguration
    private let dateParser: DateParser
    private var entries: [CrossRowEntry] = []
    /// Packed IIN digits → index of the first entry with them.
    private var iins: [UInt64: UInt32] = [:]
    /// Blocking key → index + 1 of the newest entry in the block.
    private var blocks: [UInt64: UInt32] = [:]
    /// National phone number → distinct-IIN chain.
    private var phones: [UInt64: PhoneTally] = [:]
    private var linesIncrease = true
    private var duplicateGroups = 0
    private var duplicateRowsByKind: [CrossRowFinding.Kind: Int] = [:]
    private var sharedPhones = 0

    /// Creates an empty index.
    public init(configuration: CrossRowConfiguration = .init()) {
        self.configuration = configuration
        self.dateParser = DateParser(configuration: configuration.dateParsing)
        if configuration.expectedRows > 0 {
            entries.reserveCapacity(configuration.expectedRows)
            iins.reserveCapacity(configuration.expectedRows)
            blocks.reserveCapacity(configuration.expectedRows * 2)
            phones.reserveCapacity(configuration.expectedRows)
        }
    }

    // MARK: - Registering

    /// Registers `row` and tells how it relates to an earlier row.
    ///
    /// - Returns: the finding, or `nil` when no earlier row relates to it.
    public mutating func register(_ row: CleansingInputRow) -> CrossRowFinding? {
        let fields = CrossRowFields(row, dateParser: dateParser)
        let index = entries.count
        let line = UInt32(clamping: row.line)
        if let last = entries.last, last.line >= line { linesIncrease = false }
        var entry = CrossRowEntry(
            iinKey: fields.iinKey, line: line, group: 0, nameHash: fields.nameHash, date: fields.date, nextSurnameBlock: 0,
            nextFirstNameBlock: 0, nextPhone: 0, sketch: fields.sketch)

        var related: (index: Int, kind: CrossRowFinding.Kind)?
        if fields.iinKey != 0 {
            if let first = iins[fields.iinKey] {
                related = (Int(first), sameIINKind(fields, entries[Int(first)]))
            } else {
                iins[fields.iinKey] = UInt32(index)
            }
        }
        let blockKeys = blockingKeys(fields)
        if related == nil, let match = blockingMatch(fields, keys: blockKeys) { related = (match, .samePersonVariant) }
        if let surnameKey = blockKeys.surname {
            entry.nextSurnameBlock = blocks[surnameKey] ?? 0
            blocks[surnameKey] = UInt32(index + 1)
        }
        if let firstNameKey = blockKeys.firstName {
            entry.nextFirstNameBlock = blocks[firstNameKey] ?? 0
            blocks[firstNameKey] = UInt32(index + 1)
        }
        if let phone = fields.phone, fields.iinKey != 0 { tallyPhone(phone, entry: &entry, index: index) }

        var finding: CrossRowFinding?
        if let related {
            let earlier = entries[related.index]
            let headLine = earlier.group != 0 ? earlier.group : earlier.line
            if earlier.group == 0 {
                entries[related.index].group = earlier.line
                duplicateGroups += 1
            }
            entry.group = headLine
            duplicateRowsByKind[related.kind, default: 0] += 1
            finding = CrossRowFinding(kind: related.kind, firstLine: Int(earlier.line), group: Self.groupID(headLine))
        }
        entries.append(entry)
        return finding
    }

    private func sameIINKind(_ fields: CrossRowFields, _ earlier: CrossRowEntry) -> CrossRowFinding.Kind {
        let bothDeclared = fields.date & earlier.date & CrossRowFields.declaredFlag != 0
        if fields.nameHash == earlier.nameHash && (!bothDeclared || fields.date == earlier.date) { return .exactRepeat }
        return samePerson(fields, earlier) != nil ? .samePersonVariant : .sameIINOtherName
    }

    // MARK: - Blocking

    private func blockingKeys(_ fields: CrossRowFields) -> (surname: UInt64?, firstName: UInt64?) {
        guard fields.date != 0 else { return (nil, nil) }
        func key(_ tag: UInt8, _ name: [UInt8]) -> UInt64? {
            guard !name.isEmpty else { return nil }
            var hash = StableHash()
            hash.combine(tag)
            hash.combine(fields.date & ~CrossRowFields.declaredFlag)
            hash.combine(name.prefix(max(1, configuration.blockingPrefixLength)))
            return hash.value
        }
        return (key(1, fields.surnameKey), key(2, fields.firstNameKey))
    }

    /// The earliest best-scoring earlier row in either block that the model accepts as the same person.
    private func blockingMatch(_ fields: CrossRowFields, keys: (surname: UInt64?, firstName: UInt64?)) -> Int? {
        var best: (index: Int, total: Double)?
        var seen: [Int] = []
        func walk(_ start: UInt32?, next: (CrossRowEntry) -> UInt32) {
            var link = start ?? 0
            var steps = 0
            while link != 0, steps < configuration.maximumCandidates {
                let candidate = Int(link - 1)
                let earlier = entries[candidate]
                link = next(earlier)
                steps += 1
                guard !seen.contains(candidate) else { continue }
                seen.append(candidate)
                guard earlier.date & ~CrossRowFields.declaredFlag == fields.date & ~CrossRowFields.declaredFlag,
                    earlier.iinKey != fields.iinKey || fields.iinKey == 0,
                    plausiblySameIIN(fields, earlier), let total = samePerson(fields, earlier)
                else { continue }
                if let current = best, current.total > total || (current.total == total && current.index < candidate) { continue }
                best = (candidate, total)
            }
        }
        walk(keys.surname.flatMap { blocks[$0] }) { $0.nextSurnameBlock }
        walk(keys.firstName.flatMap { blocks[$0] }) { $0.nextFirstNameBlock }
        return best?.index
    }

    /// Two rows under different IINs are one person only when both declare a birth date (the model weighs it) or the
    /// IINs differ by one typing slip (a missing IIN on either side is no evidence against).
    private func plausiblySameIIN(_ fields: CrossRowFields, _ earlier: CrossRowEntry) -> Bool {
        if fields.date & earlier.date & CrossRowFields.declaredFlag != 0 { return true }
        guard fields.iinKey != 0, earlier.iinKey != 0 else { return true }
        return DamerauLevenshtein.distance(CrossRowFields.digits(ofKey: fields.iinKey), CrossRowFields.digits(ofKey: earlier.iinKey)) <= 1
    }

    /// The model's total when it accepts the two rows as one person (MATCH, and surname, first name and — when both give
    /// one — patronymic each weighing for it), else `nil`.
    private func samePerson(_ fields: CrossRowFields, _ earlier: CrossRowEntry) -> Double? {
        let bothDeclared = fields.date & earlier.date & CrossRowFields.declaredFlag != 0
        func person(_ sketch: NameSketch, _ date: UInt32) -> PersonFields {
            let names = sketch.names
            return PersonFields(
                surname: names.surname, firstName: names.firstName, patronymic: names.patronymic,
                birthDate: bothDeclared ? CrossRowFields.unpack(date) : nil)
        }
        let score = configuration.model.score(person(fields.sketch, fields.date), person(earlier.sketch, earlier.date))
        guard score.decision == .match else { return nil }
        // Birth date and first name alone can pass the threshold (two Айгерим born the same day): every name both rows
        // give must weigh for the match, and the surname and first name must be given.
        for field in [PersonField.surname, .firstName, .patronymic] {
            guard let contribution = score.contribution(of: field) else { continue }
            if contribution.isMissing {
                if field != .patronymic { return nil }
            } else if contribution.weight <= 0 {
                return nil
            }
        }
        return score.total
    }

    // MARK: - Phones

    private mutating func tallyPhone(_ phone: UInt64, entry: inout CrossRowEntry, index: Int) {
        var tally = phones[phone] ?? PhoneTally(head: 0, distinct: 0)
        let threshold = UInt32(clamping: max(1, configuration.sharedPhoneThreshold))
        guard tally.distinct < threshold else { return }
        var link = tally.head
        while link != 0 {
            let other = entries[Int(link - 1)]
            if other.iinKey == entry.iinKey { return }
            link = other.nextPhone
        }
        entry.nextPhone = tally.head
        tally.head = UInt32(index + 1)
        tally.distinct += 1
        if tally.distinct == threshold { sharedPhones += 1 }
        phones[phone] = tally
    }

    // MARK: - Finalising

    /// After every row was registered: marks a row whose phone stands behind many unrelated parents
    /// (phoneCheck = .shared, reason code PHONE_SHARED); returns the row unchanged otherwise.
    ///
    /// It also gives the first row of a duplicate group its group id (the later rows got it from their finding), so
    /// the report sees every row of the group. Needs rows registered with increasing lines (input order).
    public func finalise(_ row: CleansingResultRow) -> CleansingResultRow {
        var row = row
        if row.phoneCheck == .valid, let phone = try? PhoneNumber(row.phone),
            let tally = phones[UInt64(phone.national)], tally.distinct >= UInt32(clamping: max(1, configuration.sharedPhoneThreshold))
        {
            row.phoneCheck = .shared
            if !row.reasonCodes.contains(ReasonCode.phoneShared.rawValue) { row.reasonCodes.append(ReasonCode.phoneShared.rawValue) }
        }
        if row.duplicateGroup.isEmpty, let index = entryIndex(line: row.line), entries[index].group == entries[index].line {
            row.duplicateGroup = Self.groupID(entries[index].line)
        }
        return row
    }

    private func entryIndex(line: Int) -> Int? {
        guard linesIncrease, let target = UInt32(exactly: line) else { return nil }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].line < target { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].line == target ? low : nil
    }

    private static func groupID(_ line: UInt32) -> String { "G\(line)" }

    // MARK: - Statistics

    /// Duplicate groups, shared phones, entries held and the memory estimate.
    public var statistics: CrossRowStatistics {
        CrossRowStatistics(
            rows: entries.count, entries: entries.count, duplicateGroups: duplicateGroups,
            duplicateRows: duplicateRowsByKind.values.reduce(0, +),
            duplicateRowsByKind: Dictionary(uniqueKeysWithValues: duplicateRowsByKind.map { ($0.key.rawValue, $0.value) }),
            sharedPhones: sharedPhones, estimatedBytes: estimatedBytes)
    }

    private var estimatedBytes: Int {
        func table(capacity: Int, slot: Int) -> Int {
            guard capacity > 0 else { return 0 }
            var buckets = 1
            while buckets * 3 / 4 < capacity { buckets *= 2 }
            return buckets * slot + buckets / 8
        }
        return entries.capacity * MemoryLayout<CrossRowEntry>.stride
            + table(capacity: iins.capacity, slot: MemoryLayout<UInt64>.stride + MemoryLayout<UInt32>.stride)
            + table(capacity: blocks.capacity, slot: MemoryLayout<UInt64>.stride + MemoryLayout<UInt32>.stride)
            + table(capacity: phones.capacity, slot: MemoryLayout<UInt64>.stride + MemoryLayout<PhoneTally>.stride)
    }
}
