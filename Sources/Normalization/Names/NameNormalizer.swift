import Foundation

/// The display canonical form of a name: what a registry clerk would type, fixed.
///
/// Steps: Unicode NFC (so Ё and Й are single letters); blanks collapsed to one space and trimmed; dashes
/// (‐ ‑ ‒ – — − ﹣ －) become "-" with no blanks around; each word is read in its script and its look-alikes
/// repaired (Latin `i` in "Серiк" → І, Latin `H` in "Hурлан" → Н; Cyrillic `А` in "Аliya" → A); upper case by
/// explicit tables — Cyrillic including the nine Kazakh letters; Latin in the English way, except words
/// carrying a letter only the 2021 Kazakh Latin alphabet has (Ä Ğ Ñ Ö Ş Ū Ü ı İ), which are cased the
/// Turkish way (i → İ, ı → I). Ё is kept (fold it only in comparison keys, names.md §1); Kazakh letters are
/// never invented from their Russian fallbacks, and Latin is never turned into Cyrillic — that is not
/// reversible (names.md §4–5).
public enum NameNormalizer {
    /// The display canonical form of `text`, e.g. "  әлия  нұрланқызы " → "ӘЛИЯ НҰРЛАНҚЫЗЫ".
    public static func canonical(_ text: String) -> String {
        // Registry names usually arrive in canonical form already; they are returned as they are.
        if isCanonicalCyrillic(text) { return text }
        return normalised(text)
    }

    /// Whether `text` is canonical by construction: words of upper-case Russian and Kazakh Cyrillic letters (А–Я,
    /// Ё, І, Ә Ғ Қ Ң Ө Ұ Ү Һ), joined by single spaces or hyphens, nothing before the first or after the last. No
    /// step of ``canonical(_:)`` changes such a text (`NameNormalizerFastPathTests` checks it against the full steps).
    static func isCanonicalCyrillic(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var afterSeparator = true
        while let byte = utf8.next() {
            switch byte {
            case 0x20, 0x2D:
                if afterSeparator { return false }
                afterSeparator = true
                continue
            case 0xD0:
                guard let next = utf8.next(), next == 0x81 || next == 0x86 || (0x90...0xAF).contains(next) else { return false }
            case 0xD2:
                guard let next = utf8.next(), next == 0x92 || next == 0x9A || next == 0xA2 || next == 0xAE || next == 0xB0 || next == 0xBA
                else { return false }
            case 0xD3:
                guard let next = utf8.next(), next == 0x98 || next == 0xA8 else { return false }
            default:
                return false
            }
            afterSeparator = false
        }
        return !afterSeparator
    }

    /// ``canonical(_:)`` step by step.
    static func normalised(_ text: String) -> String {
        let scalars = CanonicalComposition.nfc(text).unicodeScalars
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingHyphen = false
        var textScript: WordScript?
        var index = scalars.startIndex
        let end = scalars.endIndex
        while index < end {
            let value = scalars[index].value
            let role = LetterTables.role(value)
            if role == .separator {
                if isDash(value) {
                    pendingHyphen = true
                } else if isBlank(value) {
                    pendingSpace = true
                } else {
                    if pendingHyphen && !out.isEmpty { out.append("-") } else if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingHyphen = false
                    pendingSpace = false
                    out.append(scalars[index])
                }
                index = scalars.index(after: index)
                continue
            }
            if !out.isEmpty {
                if pendingHyphen { out.append("-") } else if pendingSpace { out.append(" ") }
            }
            pendingHyphen = false
            pendingSpace = false
            var tally = WordScript.Tally()
            var turkish = false
            var wordEnd = index
            while wordEnd < end {
                let wordValue = scalars[wordEnd].value
                let wordRole = LetterTables.role(wordValue)
                if wordRole == .separator { break }
                tally.add(wordRole)
                turkish = turkish || LetterTables.isKazakhLatin2021Marker(wordValue)
                wordEnd = scalars.index(after: wordEnd)
            }
            let script: WordScript
            if let decided = tally.decided {
                script = decided
            } else {
                if textScript == nil { textScript = WordScript.ofText(scalars) }
                script = textScript ?? tally.byTwins
            }
            for scalar in scalars[index..<wordEnd] {
                appendDisplay(scalar, script: script, turkish: turkish, to: &out)
            }
            index = wordEnd
        }
        return String(out)
    }

    private static func appendDisplay(_ scalar: Unicode.Scalar, script: WordScript, turkish: Bool, to out: inout String.UnicodeScalarView) {
        let value = scalar.value
        switch (LetterTables.role(value), script) {
        case (.latinTwin, .cyrillic):
            out.append(Unicode.Scalar(LetterTables.cyrillicForLatinTwin(value)).unsafelyUnwrapped)
        case (.cyrillicTwin, .latin):
            out.append(Unicode.Scalar(LetterTables.latinForCyrillicTwin(value)).unsafelyUnwrapped)
        case (.cyrillic, _), (.cyrillicTwin, _):
            out.append(Unicode.Scalar(LetterTables.cyrillicUpper(value)).unsafelyUnwrapped)
        case (.latin, _), (.latinTwin, _):
            switch value {
            case 0x69: out.append(turkish ? "\u{130}" : "I")  // i
            case 0x131: out.append("I")  // ı
            case 0x61...0x7A: out.append(Unicode.Scalar(value - 0x20).unsafelyUnwrapped)
            case 0x259: out.append("\u{18F}")  // ə
            case 0x275: out.append("\u{19F}")  // ɵ
            default: out.append(contentsOf: scalar.properties.uppercaseMapping.unicodeScalars)
            }
        case (.otherLetter, _):
            out.append(contentsOf: scalar.properties.uppercaseMapping.unicodeScalars)
        case (.mark, _):
            if (0x300...0x36F).contains(value) { out.append(scalar) } else { out.append("'") }
        case (.separator, _):
            break
        }
    }

    private static func isDash(_ value: UInt32) -> Bool {
        switch value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D: true
        default: false
        }
    }

    private static func isBlank(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }
}
