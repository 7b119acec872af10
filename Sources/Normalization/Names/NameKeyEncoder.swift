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
public enum NameKeyEncoder {
    /// Replaces `buffer`'s contents with the comparison key of `text`.
    ///
    /// Keep one buffer per thread and reuse it: after the first few names no call allocates.
    public static func encode(_ text: String, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
        var index = scalars.startIndex
        var textScript: WordScript?
        while index < end {
            guard LetterTables.role(scalars[index].value) != .separator else {
                index = scalars.index(after: index)
                continue
            }
            var tally = WordScript.Tally()
            var wordEnd = index
            while wordEnd < end {
                let role = LetterTables.role(scalars[wordEnd].value)
                if role == .separator { break }
                tally.add(role)
                wordEnd = scalars.index(after: wordEnd)
            }
            let script: WordScript
            if let decided = tally.decided {
                script = decided
            } else {
                if textScript == nil { textScript = WordScript.ofText(scalars) }
                script = textScript ?? tally.byTwins
            }
            switch script {
            case .cyrillic: appendCyrillicWord(scalars[index..<wordEnd], to: &buffer)
            case .latin: appendLatinWord(scalars[index..<wordEnd], to: &buffer)
            }
            index = wordEnd
        }
        collapseRuns(&buffer)
    }

    // MARK: - Cyrillic words

    private static func appendCyrillicWord(_ word: Substring.UnicodeScalarView, to buffer: inout [UInt8]) {
        var previous: UInt32 = 0
        var letters = 0
        for scalar in word {
            let value = scalar.value
            let upper: UInt32
            switch LetterTables.role(value) {
            case .separator, .mark:
                continue
            case .otherLetter:
                appendUTF8(scalar, to: &buffer)
                previous = 0
                letters += 1
                continue
            case .latin:
                let (first, second) = LetterTables.latinSpelling(value)
                append(first, second, to: &buffer)
                previous = 0
                letters += 1
                continue
            case .latinTwin:
                upper = LetterTables.cyrillicForLatinTwin(value)
            case .cyrillic, .cyrillicTwin:
                upper = LetterTables.cyrillicUpper(value)
            }
            if upper == 0x421, previous == 0x422, buffer.last == 0x54 {
                buffer[buffer.count - 1] = 0x51  // ТС → Q, as passport "TS" reads
            } else if upper == 0x416, previous == 0x414, letters == 1, buffer.last == 0x44 {
                buffer[buffer.count - 1] = 0x4A  // word-initial ДЖ → J
            } else {
                let (first, second) = LetterTables.cyrillicSkeleton(upper)
                append(first, second, to: &buffer)
            }
            previous = upper
            letters += 1
        }
    }

    // MARK: - Latin words

    private static func appendLatinWord(_ word: Substring.UnicodeScalarView, to buffer: inout [UInt8]) {
        let start = buffer.count
        for scalar in word {
            let value = scalar.value
            switch LetterTables.role(value) {
            case .separator:
                continue
            case .mark:
                // Cedilla, caron or apostrophe after S/C (Ş, Š, Ç, Č decomposed; 2017's S', C') spell SH/CH.
                if buffer.count > start, value == 0x327 || value == 0x30C || !(0x300...0x36F).contains(value) {
                    let last = buffer[buffer.count - 1]
                    if last == 0x53 || last == 0x43 || (last == 0x5A && value == 0x30C) { buffer.append(0x48) }
                }
            case .otherLetter:
                appendUTF8(scalar, to: &buffer)
            case .cyrillic:
                let (first, second) = LetterTables.cyrillicSkeleton(LetterTables.cyrillicUpper(value))
                append(first, second, to: &buffer)
            case .cyrillicTwin:
                let (first, second) = LetterTables.latinSpelling(LetterTables.latinForCyrillicTwin(value))
                append(first, second, to: &buffer)
            case .latin, .latinTwin:
                let (first, second) = LetterTables.latinSpelling(value)
                append(first, second, to: &buffer)
            }
        }
        rewriteLatin(&buffer, from: start)
    }

    /// Collapses passport-style digraphs of the Latin word in `buffer[start...]` in place.
    private static func rewriteLatin(_ buffer: inout [UInt8], from start: Int) {
        let end = buffer.count
        var read = start
        var write = start
        @inline(__always) func at(_ position: Int) -> UInt8 { position < end ? buffer[position] : 0 }
        while read < end {
            let c = buffer[read]
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
            buffer[write] = out
            write += 1
            read += step
        }
        buffer.removeLast(end - write)
    }

    // MARK: - Helpers

    @inline(__always)
    private static func append(_ first: UInt8, _ second: UInt8, to buffer: inout [UInt8]) {
        if first != 0 { buffer.append(first) }
        if second != 0 { buffer.append(second) }
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        for unit in UTF8.encode(scalar).unsafelyUnwrapped { buffer.append(unit) }
    }

    /// Drops an ASCII byte equal to the one before it.
    private static func collapseRuns(_ buffer: inout [UInt8]) {
        var write = 0
        var previous: UInt8 = 0
        for read in buffer.indices {
            let byte = buffer[read]
            if byte == previous && byte < 0x80 { continue }
            buffer[write] = byte
            write += 1
            previous = byte
        }
        buffer.removeLast(buffer.count - write)
    }
}
