@testable import Normalization
import Testing

/// The table-driven `NameKeyEncoder` (ASCII pass and general pass) against the scalar-by-scalar encoder it
/// replaced (`ReferenceNameKeyEncoder`), on every scalar below U+0800 in the contexts the rules look at and on
/// seeded random corpora of names: Kazakh and Russian Cyrillic, the 2021 Latin alphabet, passport Latin,
/// diacritics precomposed and decomposed, apostrophes, hyphens, digits, look-alikes and mixed scripts.
struct NameKeyEncoderEquivalenceTests {
    /// SplitMix64, so the corpus is the same in every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func reference(_ text: String) -> [UInt8] {
        var buffer: [UInt8] = []
        ReferenceNameKeyEncoder.encode(text, into: &buffer)
        return buffer
    }

    static func fast(_ text: String) -> [UInt8] {
        var buffer: [UInt8] = []
        NameKeyEncoder.encode(text, into: &buffer)
        return buffer
    }

    static let asciiPieces: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        + ["SH", "SHCH", "CH", "ZH", "KH", "TS", "DZH", "DJ", "YE", "YO", "ya", "yu", "iy", "S'", "C'", "s`", "c'", "  ", " - "]

    static let pieces: [String] = {
        var pieces = asciiPieces
        // Russian and Kazakh Cyrillic, both cases, and the rarer Cyrillic letters the tables name.
        pieces += (0x400...0x4FF).map { String(UnicodeScalar($0)!) }
        pieces += ["Ә", "ә", "Ғ", "ғ", "Қ", "қ", "Ң", "ң", "Ө", "ө", "Ұ", "ұ", "Ү", "ү", "Һ", "һ", "І", "і", "Ё", "ё", "Дж", "дж", "тс", "ТС"]
        // 2021 Latin, passport diacritics, Latin-1 and Extended-A, Ə/Ɵ.
        pieces += ["Ä", "ä", "Ğ", "ğ", "Ñ", "ñ", "Ŋ", "ŋ", "Ö", "ö", "Ş", "ş", "Ū", "ū", "Ü", "ü", "İ", "ı", "Q", "q", "Ə", "ə", "Ɵ", "ɵ"]
        pieces += (0xC0...0x17F).map { String(UnicodeScalar($0)!) }
        // Combining marks (cedilla, caron, breve, diaeresis, acute, macron) and apostrophes.
        pieces += ["\u{327}", "\u{30C}", "\u{306}", "\u{308}", "\u{301}", "\u{304}", "\u{300}", "'", "`", "\u{2BC}", "\u{2BB}", "\u{2019}", "\u{2018}"]
        // Separators, digits, other scripts, scalars past the table.
        pieces += [" ", "-", "‐", "–", "—", ".", ",", "1", "7", "王", "李", "α", "Ω", "ა", "א", "ع", "\u{500}", "\u{52F}", "Ա", "😀", "\u{A0}", "\u{2003}"]
        return pieces
    }()

    static let names = [
        "Әлия Нұрланқызы", "Алия Нурланкызы", "Aliya Nurlankyzy", "Älia Nūrlanqyzy", "Жұмабеков Ерлан", "Джанбулатов",
        "Щербаков", "Шолпан", "Şolpan", "S\u{327}olpan", "Фе\u{308}дор", "Серiк", "AСEЛЬ", "Hурлан", "Али-Султан",
        "YESSENOVA", "Tsoi", "Dzhanbulatov", "Mañğystau", "Ba\u{301}uyrzhan", "Kuz'minichna", "Ахметова-Сулейменова",
    ]

    static func randomText(from pieces: [String], using rng: inout Generator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...14, using: &rng) {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: text += " "
            case 1: text += names.randomElement(using: &rng)!
            default: text += pieces.randomElement(using: &rng)!
            }
        }
        return text
    }

    @Test("every scalar below U+0800, alone and between the letters the rules look at")
    func everyScalar() {
        let contexts = [("", ""), ("Т", "С"), ("Д", "Ж"), ("S", ""), ("C", ""), ("Z", ""), ("", "ТС"), ("Т", ""), ("", "a"), ("a", "b"),
                        ("ДЖ", ""), ("дж", ""), ("T", "S"), ("Д", ""), ("Ы", ""), ("D", "ZH")]
        var mismatches: [String] = []
        for value in 0..<0x800 {
            guard let scalar = UnicodeScalar(value) else { continue }
            for (before, after) in contexts {
                let text = before + String(scalar) + after
                if Self.fast(text) != Self.reference(text) { mismatches.append(text) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test("ASCII pass equals the reference on a seeded random corpus of passport-style Latin")
    func asciiCorpus() {
        var rng = Generator(state: 0xA5C1_1202_1)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let text = Self.randomText(from: Self.asciiPieces, using: &rng).unicodeScalars.filter(\.isASCII).map(String.init).joined()
            if Self.fast(text) != Self.reference(text) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test("general pass equals the reference on a seeded random corpus of mixed scripts")
    func mixedCorpus() {
        var rng = Generator(state: 0x4B41_5A2021)
        var mismatches: [String] = []
        for _ in 0..<40_000 {
            let text = Self.randomText(from: Self.pieces, using: &rng)
            if Self.fast(text) != Self.reference(text) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test("a reused buffer gives the same key as a fresh one")
    func reusedBuffer() {
        var rng = Generator(state: 7)
        var buffer: [UInt8] = []
        for _ in 0..<2_000 {
            let text = Self.randomText(from: Self.pieces, using: &rng)
            NameKeyEncoder.encode(text, into: &buffer)
            #expect(buffer == Self.reference(text))
        }
    }
}
