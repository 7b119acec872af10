import Foundation
import Testing

@testable import Normalization

/// `trimmingBlanks()` and the NFC fast path agree with Foundation, which they replace on hot paths.
struct BlankTrimmingTests {
    @Test("every scalar below U+10000 is trimmed exactly when Foundation's .whitespacesAndNewlines trims it")
    func sameSetAsFoundation() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a\(scalar)b", "\(scalar)b", "a\(scalar)", "\(scalar)", "\(scalar)\(scalar)x\(scalar)"] {
                if text.trimmingBlanks() != text.trimmingCharacters(in: .whitespacesAndNewlines) {
                    disagreements.append(value)
                    break
                }
            }
        }
        #expect(disagreements.isEmpty, "differ from Foundation at \(disagreements.prefix(10).map { String($0, radix: 16) })")
    }

    @Test("typical values: blanks, line breaks, no-break and ideographic spaces are trimmed, inner ones kept")
    func examples() {
        #expect("  Әлия Нұрланқызы \r\n".trimmingBlanks() == "Әлия Нұрланқызы")
        #expect("\u{00A0}\u{3000}ИВАНОВ\u{2028}".trimmingBlanks() == "ИВАНОВ")
        #expect("880101300123".trimmingBlanks() == "880101300123")
        #expect(" \t ".trimmingBlanks() == "")
        #expect("".trimmingBlanks() == "")
        #expect(" \u{301}a ".trimmingBlanks() == "\u{301}a")
    }

    @Test("seeded random mixes of blanks, Cyrillic, Latin and combining marks trim like Foundation")
    func randomMixes() {
        let alphabet: [Unicode.Scalar] = [" ", "\t", "\n", "\r", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}", "а", "Ә", "z", "-", "'", "\u{301}", "\u{306}", "й", "1"]
        var generator = NameKeyEncoderEquivalenceTests.Generator(state: 7)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 8)
            var text = String.UnicodeScalarView()
            for _ in 0..<count { text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let string = String(text)
            #expect(string.trimmingBlanks() == string.trimmingCharacters(in: .whitespacesAndNewlines), "\(string.unicodeScalars.map { $0.value })")
        }
    }

    @Test("the NFC fast path claims only text that Foundation's NFC leaves unchanged")
    func compositionFastPath() {
        var wrong: [String] = []
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "И\(scalar)"
            if CanonicalComposition.isStable(text) && text.precomposedStringWithCanonicalMapping != text { wrong.append(String(value, radix: 16)) }
        }
        #expect(wrong.isEmpty, "claimed stable but NFC changes: \(wrong.prefix(10))")
        // Decomposed input still composes: И + combining breve → Й.
        #expect(CanonicalComposition.nfc("И\u{306}") == "Й")
        #expect(!CanonicalComposition.isStable("И\u{306}"))
        #expect(CanonicalComposition.isStable("Нұрланқызы-Ермекова ӘЁ'"))
        var generator = NameKeyEncoderEquivalenceTests.Generator(state: 11)
        let alphabet: [Unicode.Scalar] = ["И", "Е", "е", "A", "e", "o", "Ә", "\u{306}", "\u{308}", "\u{301}", " ", "-", "ü", "\u{2019}"]
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 6) { text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let string = String(text)
            #expect(
                CanonicalComposition.nfc(string).unicodeScalars.elementsEqual(string.precomposedStringWithCanonicalMapping.unicodeScalars),
                "\(string.unicodeScalars.map { $0.value })")
        }
    }
}
