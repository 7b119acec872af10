/// Computes a name's comparison key into a caller-owned byte buffer, without allocating once the buffer
/// has grown to the longest name seen.
///
/// The key is a folded skeleton in one Latin-ish alphabet, so that Cyrillic (Kazakh or Russianised), the 2021
/// Kazakh Latin alphabet and passport-style Latin of the same name agree:
///
/// 1. Words are read in their script; Latin look-alikes inside a Cyrillic word are Cyrillic letters (Latin
///    `i` → І, `H` → Н, `h` → Һ …) and Cyrillic look-alikes inside a Latin word are Latin letters.
/// 2. Cyrillic letters map to one skeleton letter each: Kazakh letters fold to their Russian fallbacks
///    (Ә→A, Ғ→G, Қ→K, Ң→N, Ө→O, Ұ/Ү→U, Һ→H, І→I); Е/Ё/Э → `E`; И/Й/Ы → `I`; Ь/Ъ vanish; Ю → `IU`, Я → `IA`;
///    placeholders `J` = Ж, `H` = Х, `Q` = Ц, `C` = Ч, `W` = Ш/Щ; ДЖ at a word start → `J`; ТС → `Q`.
/// 3. Latin words are upper-cased, diacritics folded (Ş/Š → SH, Ç/Č → CH, Ž → ZH, W → V, Q → K, X → KS),
///    then passport digraphs collapse to the same placeholders: SHCH/SH → `W`, CH → `C`, ZH → `J`,
///    KH → `H`, TS → `Q` (not before H), DZH/DJ at a word start → `J`, YE → `E`, YO (not word-initial) → `E`,
///    Y → `I`, a lone C → `K`. S' and C' (the 2017 apostrophe alphabet) read as SH and CH.
/// 4. Word boundaries, hyphens, digits and punctuation vanish ("Али-Султан" = "Алисултан"), and runs of
///    the same letter collapse to one (SS → S, ИЙ → I, Y → I doubling).
///
/// So "Әлия Нұрланқызы", "Алия Нурланкызы", "Aliya Nurlankyzy" and "Älia Nūrlanqyzy" all give `ALIANURLANKIZI`.
/// Letters of other scripts are kept as their UTF-8 bytes.
///
/// Implementation: every scalar below U+0500 (ASCII, Latin-1, Latin Extended-A, the Ə/Ɵ letters, combining
/// marks, Cyrillic) has one precomputed 8-byte entry in `KeyLetterTable` — its role and its spelling in a
/// Cyrillic and in a Latin word, derived from `LetterTables` when the table is built, so the switch chains run
/// once per process rather than per letter. All-ASCII text (passport Latin) takes a single pass over the UTF-8
/// bytes; other text is decoded once into a stack buffer of table entries, voting each word's script in the
/// same pass, then each word is spelled in one pass. The key is written into a stack buffer and appended to the
/// caller's array in one go.
public enum NameKeyEncoder {
    /// Replaces `buffer`'s contents with the comparison key of `text`.
    ///
    /// Keep one buffer per thread and reuse it: after the first few names no call allocates.
    public static func encode(_ text: String, into buffer: inout [UInt8]) {
        // Native strings lend their UTF-8 without a copy (and without retaining the string).
        if text.utf8.withContiguousStorageIfAvailable({ encode(utf8: $0, into: &buffer) }) != nil { return }
        var text = text
        text.withUTF8 { encode(utf8: $0, into: &buffer) }
    }

    private static func encode(utf8: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt8]) {
        guard !utf8.isEmpty else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        let table = KeyLetterTable.entries
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * utf8.count + 4) { out in
            var writer = Writer(base: out.baseAddress.unsafelyUnwrapped)
            if isASCII(utf8) {
                encodeASCII(utf8, table: table, into: &writer)
            } else if !encodeCyrillic(utf8, table: table, into: &writer) {
                writer.count = 0
                encodeGeneral(utf8, table: table, into: &writer)
            }
            let length = collapseRuns(writer.base, count: writer.count)
            buffer.replaceSubrange(buffer.startIndex..<buffer.endIndex, with: UnsafeBufferPointer(start: writer.base, count: length))
        }
    }

    @inline(__always)
    private static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for byte in utf8 { any |= byte }
        return any < 0x80
    }

    // MARK: - ASCII text

    /// All-ASCII text: every letter is Latin or a Latin twin, so every word is read as Latin (a word of only
    /// apostrophes writes nothing in either script) and no decoding or script vote is needed.
    private static func encodeASCII(_ utf8: UnsafeBufferPointer<UInt8>, table: UnsafePointer<UInt64>, into out: inout Writer) {
        var wordStart = 0
        for byte in utf8 {
            let entry = KeyLetterTable.Entry(table[Int(byte)])
            switch entry.role {
            case .separator:
                if out.count > wordStart { out.count = rewriteLatin(out.base, from: wordStart, to: out.count) }
                wordStart = out.count
            case .mark:
                appendMark(entry, wordStart: wordStart, to: &out)
            default:
                out.append(entry.latinFirst, entry.latinSecond)
            }
        }
        if out.count > wordStart { out.count = rewriteLatin(out.base, from: wordStart, to: out.count) }
    }

    // MARK: - Cyrillic text

    /// The common case in one pass: every word is spelled as Cyrillic while its letters are counted. Returns
    /// `false` (with `out` holding garbage) when a word's letters vote Latin, or a word of only twins must
    /// follow a text that votes Latin; `encodeGeneral` then redoes the text.
    @inline(__always)
    private static func encodeCyrillic(_ utf8: UnsafeBufferPointer<UInt8>, table: UnsafePointer<UInt64>, into out: inout Writer) -> Bool {
        var index = 0
        let end = utf8.count
        var word = Tally()
        var text = Tally()
        var inWord = false
        var undecided = false
        var previous = KeyLetterTable.Tag.none.rawValue
        var letters = 0
        while true {
            let entry: KeyLetterTable.Entry
            if index < end {
                entry = KeyLetterTable.Entry(decodeEntry(utf8, at: &index, table: table))
            } else {
                entry = KeyLetterTable.Entry(0)  // a separator closes the last word
            }
            let role = entry.rawRole
            if role == LetterTables.Role.separator.rawValue {
                if inWord {
                    switch word.script {
                    case .latin: return false
                    case .undecided: undecided = true
                    case .cyrillic: break
                    }
                    text.add(word)
                    word = Tally()
                    inWord = false
                }
                if index >= end { break }
                continue
            }
            if !inWord {
                inWord = true
                previous = KeyLetterTable.Tag.none.rawValue
                letters = 0
            }
            word.add(entry.tallyBits)
            if role &- 1 < 4 {  // .cyrillic, .latin, .cyrillicTwin, .latinTwin (Latin letters carry no tag)
                let tag = entry.rawTag
                let pair = UInt16(tag) << 8 | UInt16(previous)
                let te = pair == Self.tePair
                if _slowPath(te || (pair == Self.dePair && letters == 1)), out.last == (te ? 0x54 : 0x44) {
                    out.replaceLast(with: te ? 0x51 : 0x4A)  // ТС → Q, as passport "TS" reads; word-initial ДЖ → J
                } else {
                    out.append(entry.cyrillicFirst, entry.cyrillicSecond)
                }
                previous = tag
                letters += 1
            } else if role == LetterTables.Role.otherLetter.rawValue {
                out.appendUTF8(entry.otherScalar)
                previous = KeyLetterTable.Tag.none.rawValue
                letters += 1
            }  // a mark: nothing, and the letters around it stay neighbours
        }
        return !undecided || text.textScript == .cyrillic
    }

    /// Decodes the scalar at `index` (valid UTF-8, as every `String`'s is), advances past it, returns its entry.
    @inline(__always)
    private static func decodeEntry(_ utf8: UnsafeBufferPointer<UInt8>, at index: inout Int, table: UnsafePointer<UInt64>) -> UInt64 {
        let lead = UInt32(utf8[index])
        let value: UInt32
        if lead < 0x80 {
            value = lead
            index += 1
        } else if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
            index += 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
            index += 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                | UInt32(utf8[index + 3] & 0x3F)
            index += 4
        }
        return value < KeyLetterTable.count ? table[Int(value)] : KeyLetterTable.entry(for: value)
    }

    // MARK: - Any text

    private static func encodeGeneral(_ utf8: UnsafeBufferPointer<UInt8>, table: UnsafePointer<UInt64>, into out: inout Writer) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: utf8.count) { entries in
            let (count, textScript) = decode(utf8, table: table, into: entries)
            var index = 0
            while index < count {
                let entry = KeyLetterTable.Entry(entries[index])
                guard entry.role != .separator else {
                    index += 1
                    continue
                }
                let script = entry.wordScript == .undecided ? textScript : entry.wordScript
                if script == .cyrillic {
                    index = appendCyrillicWord(entries, from: index, count: count, to: &out)
                } else {
                    index = appendLatinWord(entries, from: index, count: count, to: &out)
                }
            }
        }
    }

    /// Decodes (valid, as every `String`'s is) UTF-8 into table entries and votes each word's script on the
    /// way: a word's specific letters decide it (ties go to Cyrillic), a word of only twins follows the text
    /// (the text's specific letters, else its twins, ties to Cyrillic). The vote is stored in the word's first
    /// entry; returns the number of entries and the text's script.
    @inline(__always)
    private static func decode(
        _ utf8: UnsafeBufferPointer<UInt8>, table: UnsafePointer<UInt64>, into entries: UnsafeMutableBufferPointer<UInt64>
    ) -> (Int, KeyLetterTable.Script) {
        var count = 0
        var index = 0
        let end = utf8.count
        var wordStart = -1
        var word = Tally()
        var text = Tally()
        while index < end {
            let entry = decodeEntry(utf8, at: &index, table: table)
            entries[count] = entry
            if KeyLetterTable.Entry(entry).rawRole == LetterTables.Role.separator.rawValue {
                if wordStart >= 0 {
                    entries[wordStart] = entries[wordStart] & Self.withoutTopByte | word.vote
                    text.add(word)
                    word = Tally()
                    wordStart = -1
                }
            } else {
                if wordStart < 0 { wordStart = count }
                word.add(KeyLetterTable.Entry(entry).tallyBits)
            }
            count += 1
        }
        if wordStart >= 0 {
            entries[wordStart] = entries[wordStart] & Self.withoutTopByte | word.vote
            text.add(word)
        }
        return (count, text.textScript)
    }

    private static let withoutTopByte: UInt64 = 0x00FF_FFFF_FFFF_FFFF

    /// Letter counts of a word or text by role, two 32-bit lanes per word so adding is branch-free:
    /// `specific` = Cyrillic-only | Latin-only << 32, `twins` = Cyrillic twins | Latin twins << 32.
    private struct Tally {
        var specific: UInt64 = 0
        var twins: UInt64 = 0

        /// Adds one letter's one-hot tally bits (`KeyLetterTable.Entry.tallyBits`).
        @inline(__always)
        mutating func add(_ bits: UInt64) {
            specific &+= (bits & 1) | (bits & 2) << 31
            twins &+= (bits >> 2 & 1) | (bits & 8) << 29
        }

        @inline(__always)
        mutating func add(_ other: Tally) {
            specific &+= other.specific
            twins &+= other.twins
        }

        /// `WordScript.Tally.decided` (nil → `.undecided`), as the bits a word's first entry carries.
        @inline(__always)
        var vote: UInt64 { UInt64(script.rawValue) << 56 }

        /// `WordScript.Tally.decided` of a word (nil → `.undecided`).
        @inline(__always)
        var script: KeyLetterTable.Script {
            specific == 0 ? .undecided : specific & 0xFFFF_FFFF >= specific >> 32 ? .cyrillic : .latin
        }

        /// `decided ?? byTwins` of a whole text.
        var textScript: KeyLetterTable.Script {
            if specific != 0 { return specific & 0xFFFF_FFFF >= specific >> 32 ? .cyrillic : .latin }
            return twins & 0xFFFF_FFFF >= twins >> 32 ? .cyrillic : .latin
        }
    }

    // MARK: - Cyrillic words

    /// Appends the Cyrillic reading of the word starting at `start`; returns where the word ends.
    @inline(__always)
    private static func appendCyrillicWord(_ entries: UnsafeMutableBufferPointer<UInt64>, from start: Int, count: Int, to out: inout Writer) -> Int {
        var previous = KeyLetterTable.Tag.none.rawValue
        var letters = 0
        var position = start
        while position < count {
            let entry = KeyLetterTable.Entry(entries[position])
            let role = entry.rawRole
            if role == LetterTables.Role.separator.rawValue { break }
            position += 1
            if role &- 1 < 4 {  // .cyrillic, .latin, .cyrillicTwin, .latinTwin (Latin letters carry no tag)
                let tag = entry.rawTag
                // The tag pair as one number, so the rarely firing ТС and ДЖ checks are two compares, not a switch.
                let pair = UInt16(tag) << 8 | UInt16(previous)
                let te = pair == Self.tePair
                if _slowPath(te || (pair == Self.dePair && letters == 1)), out.last == (te ? 0x54 : 0x44) {
                    out.replaceLast(with: te ? 0x51 : 0x4A)  // ТС → Q, as passport "TS" reads; word-initial ДЖ → J
                } else {
                    out.append(entry.cyrillicFirst, entry.cyrillicSecond)
                }
                previous = tag
                letters += 1
            } else if role == LetterTables.Role.otherLetter.rawValue {
                out.appendUTF8(entry.otherScalar)
                previous = KeyLetterTable.Tag.none.rawValue
                letters += 1
            }  // a mark: nothing, and the letters around it stay neighbours
        }
        return position
    }

    /// С after Т, Ж after Д, as tag pairs (`tag << 8 | previous`).
    private static let tePair = UInt16(KeyLetterTable.Tag.es.rawValue) << 8 | UInt16(KeyLetterTable.Tag.te.rawValue)
    private static let dePair = UInt16(KeyLetterTable.Tag.zhe.rawValue) << 8 | UInt16(KeyLetterTable.Tag.de.rawValue)

    // MARK: - Latin words

    /// Appends the Latin reading of the word starting at `start`; returns where the word ends.
    @inline(__always)
    private static func appendLatinWord(_ entries: UnsafeMutableBufferPointer<UInt64>, from start: Int, count: Int, to out: inout Writer) -> Int {
        let wordStart = out.count
        var position = start
        while position < count {
            let entry = KeyLetterTable.Entry(entries[position])
            let role = entry.rawRole
            if role == LetterTables.Role.separator.rawValue { break }
            position += 1
            if role &- 1 < 4 {  // .cyrillic, .latin, .cyrillicTwin, .latinTwin
                out.append(entry.latinFirst, entry.latinSecond)
            } else if role == LetterTables.Role.mark.rawValue {
                appendMark(entry, wordStart: wordStart, to: &out)
            } else {
                out.appendUTF8(entry.otherScalar)
            }
        }
        out.count = rewriteLatin(out.base, from: wordStart, to: out.count)
        return position
    }

    /// Cedilla, caron or apostrophe after S/C (Ş, Š, Ç, Č decomposed; 2017's S', C') spell SH/CH; a caron
    /// after Z spells ZH.
    @inline(__always)
    private static func appendMark(_ entry: KeyLetterTable.Entry, wordStart: Int, to out: inout Writer) {
        guard out.count > wordStart else { return }
        let last = out.last
        switch entry.markEffect {
        case .none: break
        case .afterSC: if last == 0x53 || last == 0x43 { out.append(0x48, 0) }
        case .afterSCZ: if last == 0x53 || last == 0x43 || last == 0x5A { out.append(0x48, 0) }
        }
    }

    /// Collapses passport-style digraphs of the Latin word in `bytes[start..<end]` in place; returns the new end.
    private static func rewriteLatin(_ bytes: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var read = start
        var write = start
        @inline(__always) func at(_ position: Int) -> UInt8 { position < end ? bytes[position] : 0 }
        while read < end {
            let c = bytes[read]
            let next = at(read + 1)
            var out = c
            var step = 1
            switch c {
            case 0x44 where read == start && next == 0x5A && at(read + 2) == 0x48:  // DZH at the start
                out = 0x4A; step = 3
            case 0x44 where read == start && next == 0x4A:  // DJ at the start
                out = 0x4A; step = 2
            case 0x53 where next == 0x48:  // SH, SHCH
                out = 0x57; step = at(read + 2) == 0x43 && at(read + 3) == 0x48 ? 4 : 2
            case 0x43:  // CH, else a lone C reads K
                if next == 0x48 { step = 2 } else { out = 0x4B }
            case 0x5A where next == 0x48:  // ZH
                out = 0x4A; step = 2
            case 0x4B where next == 0x48:  // KH
                out = 0x48; step = 2
            case 0x54 where next == 0x53 && at(read + 2) != 0x48:  // TS, not T+SH
                out = 0x51; step = 2
            case 0x59:
                if next == 0x45 || (next == 0x4F && read != start) {  // YE, YO → E
                    out = 0x45; step = 2
                } else {
                    out = 0x49
                }
            default:
                break
            }
            bytes[write] = out
            write += 1
            read += step
        }
        return write
    }

    // MARK: - Helpers

    /// Appends into a stack buffer large enough for the whole key (2 bytes per input UTF-8 byte at most).
    private struct Writer {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        var last: UInt8 { count > 0 ? base[count - 1] : 0 }

        /// Appends a spelling of up to two bytes (0 for none; the second is 0 when the first is). Writes both
        /// bytes and advances past the non-zero ones, without branches.
        @inline(__always)
        mutating func append(_ first: UInt8, _ second: UInt8) {
            base[count] = first
            base[count + 1] = second
            count += (first != 0 ? 1 : 0) &+ (second != 0 ? 1 : 0)
        }

        @inline(__always)
        mutating func replaceLast(with byte: UInt8) {
            base[count - 1] = byte
        }

        mutating func appendUTF8(_ value: UInt32) {
            guard let scalar = Unicode.Scalar(value), let units = UTF8.encode(scalar) else { return }
            for unit in units { base[count] = unit; count += 1 }
        }
    }

    /// Drops an ASCII byte equal to the one before it; returns the new length.
    private static func collapseRuns(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var write = 0
        var previous: UInt8 = 0
        for read in 0..<count {
            let byte = bytes[read]
            bytes[write] = byte
            // Branch-free; a skipped byte equals `previous`, so updating it always changes nothing.
            write += byte != previous || byte >= 0x80 ? 1 : 0
            previous = byte
        }
        return write
    }
}
