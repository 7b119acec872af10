@testable import Normalization

/// The scalar-by-scalar comparison-key encoder as it was before the table-driven rewrite (commit 4752eb5),
/// kept verbatim as the oracle the fast encoder is checked against.
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
/// Implementation: the UTF-8 is decoded once into a stack buffer of scalars and their roles, the key is
/// written into a stack buffer and appended to the caller's array in one go.
enum ReferenceNameKeyEncoder {
    /// Replaces `buffer`'s contents with the comparison key of `text`.
    ///
    /// Keep one buffer per thread and reuse it: after the first few names no call allocates.
    static func encode(_ text: String, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { utf8 in
            guard !utf8.isEmpty else { return }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: utf8.count) { scalars in
                withUnsafeTemporaryAllocation(of: LetterTables.Role.self, capacity: utf8.count) { roles in
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * utf8.count + 4) { out in
                        let count = decode(utf8, into: scalars)
                        for index in 0..<count { roles[index] = LetterTables.role(scalars[index]) }
                        var writer = Writer(base: out.baseAddress.unsafelyUnwrapped)
                        encodeScalars(scalars, roles, count: count, into: &writer)
                        let length = collapseRuns(writer.base, count: writer.count)
                        buffer.append(contentsOf: UnsafeBufferPointer(start: writer.base, count: length))
                    }
                }
            }
        }
    }

    // MARK: - Words

    private static func encodeScalars(
        _ scalars: UnsafeMutableBufferPointer<UInt32>, _ roles: UnsafeMutableBufferPointer<LetterTables.Role>, count: Int, into out: inout Writer
    ) {
        var index = 0
        var textScript: WordScript?
        while index < count {
            guard roles[index] != .separator else {
                index += 1
                continue
            }
            var tally = WordScript.Tally()
            var wordEnd = index
            while wordEnd < count && roles[wordEnd] != .separator {
                tally.add(roles[wordEnd])
                wordEnd += 1
            }
            let script: WordScript
            if let decided = tally.decided {
                script = decided
            } else {
                if textScript == nil {
                    var whole = WordScript.Tally()
                    for position in 0..<count { whole.add(roles[position]) }
                    textScript = whole.decided ?? whole.byTwins
                }
                script = textScript ?? tally.byTwins
            }
            switch script {
            case .cyrillic: appendCyrillicWord(scalars, roles, index..<wordEnd, to: &out)
            case .latin: appendLatinWord(scalars, roles, index..<wordEnd, to: &out)
            }
            index = wordEnd
        }
    }

    // MARK: - Cyrillic words

    private static func appendCyrillicWord(
        _ scalars: UnsafeMutableBufferPointer<UInt32>, _ roles: UnsafeMutableBufferPointer<LetterTables.Role>, _ range: Range<Int>, to out: inout Writer
    ) {
        var previous: UInt32 = 0
        var letters = 0
        for position in range {
            let value = scalars[position]
            let upper: UInt32
            switch roles[position] {
            case .separator, .mark:
                continue
            case .otherLetter:
                out.appendUTF8(value)
                previous = 0
                letters += 1
                continue
            case .latin:
                let (first, second) = LetterTables.latinSpelling(value)
                out.append(first, second)
                previous = 0
                letters += 1
                continue
            case .latinTwin:
                upper = LetterTables.cyrillicForLatinTwin(value)
            case .cyrillic, .cyrillicTwin:
                upper = LetterTables.cyrillicUpper(value)
            }
            if upper == 0x421, previous == 0x422, out.last == 0x54 {
                out.replaceLast(with: 0x51)  // ТС → Q, as passport "TS" reads
            } else if upper == 0x416, previous == 0x414, letters == 1, out.last == 0x44 {
                out.replaceLast(with: 0x4A)  // word-initial ДЖ → J
            } else {
                let (first, second) = LetterTables.cyrillicSkeleton(upper)
                out.append(first, second)
            }
            previous = upper
            letters += 1
        }
    }

    // MARK: - Latin words

    private static func appendLatinWord(
        _ scalars: UnsafeMutableBufferPointer<UInt32>, _ roles: UnsafeMutableBufferPointer<LetterTables.Role>, _ range: Range<Int>, to out: inout Writer
    ) {
        let start = out.count
        for position in range {
            let value = scalars[position]
            switch roles[position] {
            case .separator:
                continue
            case .mark:
                // Cedilla, caron or apostrophe after S/C (Ş, Š, Ç, Č decomposed; 2017's S', C') spell SH/CH.
                if out.count > start, value == 0x327 || value == 0x30C || !(0x300...0x36F).contains(value) {
                    let last = out.last
                    if last == 0x53 || last == 0x43 || (last == 0x5A && value == 0x30C) { out.append(0x48, 0) }
                }
            case .otherLetter:
                out.appendUTF8(value)
            case .cyrillic:
                let (first, second) = LetterTables.cyrillicSkeleton(LetterTables.cyrillicUpper(value))
                out.append(first, second)
            case .cyrillicTwin:
                let (first, second) = LetterTables.latinSpelling(LetterTables.latinForCyrillicTwin(value))
                out.append(first, second)
            case .latin, .latinTwin:
                let (first, second) = LetterTables.latinSpelling(value)
                out.append(first, second)
            }
        }
        out.count = rewriteLatin(out.base, from: start, to: out.count)
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

        @inline(__always)
        mutating func append(_ first: UInt8, _ second: UInt8) {
            if first != 0 { base[count] = first; count += 1 }
            if second != 0 { base[count] = second; count += 1 }
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

    /// Decodes UTF-8 into scalars (invalid sequences become U+FFFD); returns how many.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, into scalars: UnsafeMutableBufferPointer<UInt32>) -> Int {
        var count = 0
        var index = 0
        let end = utf8.count
        while index < end {
            let lead = UInt32(utf8[index])
            var value: UInt32
            var length: Int
            if lead < 0x80 {
                value = lead; length = 1
            } else if lead & 0xE0 == 0xC0 {
                value = lead & 0x1F; length = 2
            } else if lead & 0xF0 == 0xE0 {
                value = lead & 0x0F; length = 3
            } else {
                value = lead & 0x07; length = 4
            }
            if index + length > end { length = end - index; value = 0xFFFD }
            for offset in 1..<max(1, length) { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
            scalars[count] = value
            count += 1
            index += length
        }
        return count
    }

    /// Drops an ASCII byte equal to the one before it; returns the new length.
    private static func collapseRuns(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var write = 0
        var previous: UInt8 = 0
        for read in 0..<count {
            let byte = bytes[read]
            if byte == previous && byte < 0x80 { continue }
            bytes[write] = byte
            write += 1
            previous = byte
        }
        return write
    }
}
