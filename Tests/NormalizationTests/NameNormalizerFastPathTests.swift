import Testing

@testable import Normalization

/// `NameNormalizer.canonical` returns upper-case Cyrillic names (the registries' spelling) as they are; this holds the
/// shortcut to the full steps.
struct NameNormalizerFastPathTests {
    typealias Corpus = NameKeyEncoderEquivalenceTests

    /// Every letter the shortcut accepts.
    static let letters = (0x410...0x42F).map { String(UnicodeScalar($0)!) } + ["Ё", "І", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ"]

    @Test("every accepted letter, alone and in every pair, is left as it is by the full steps")
    func lettersAndPairs() {
        var changed: [String] = []
        for first in Self.letters {
            #expect(NameNormalizer.isCanonicalCyrillic(first))
            if NameNormalizer.normalised(first) != first { changed.append(first) }
            for second in Self.letters {
                for text in [first + second, first + " " + second, first + "-" + second] {
                    #expect(NameNormalizer.isCanonicalCyrillic(text))
                    if NameNormalizer.normalised(text) != text { changed.append(text) }
                }
            }
        }
        #expect(changed.isEmpty, "\(changed.prefix(20))")
    }

    @Test("seeded random names from the accepted alphabet are left as they are by the full steps")
    func randomAccepted() {
        var rng = Corpus.Generator(state: 0xCA11_0A1C)
        var changed: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for word in 0..<Int.random(in: 1...3, using: &rng) {
                if word > 0 { text += Bool.random(using: &rng) ? " " : "-" }
                for _ in 0..<Int.random(in: 1...12, using: &rng) { text += Self.letters.randomElement(using: &rng)! }
            }
            #expect(NameNormalizer.isCanonicalCyrillic(text))
            if NameNormalizer.normalised(text) != text { changed.append(text) }
        }
        #expect(changed.isEmpty, "\(changed.prefix(20))")
    }

    @Test(
        "anything else takes the full steps",
        arguments: ["", " ", "-", "АЛИЯ ", " АЛИЯ", "АЛИЯ  НУР", "АЛИЯ--НУР", "АЛИЯ -НУР", "алия", "АЛИя", "ALIYA", "АЛИYА", "Ѣ", "ЀЛ",
                    "А\u{301}", "АЛИЯ\tНУР", "1АЛИЯ", "ә", "ӘЛИЯ\u{A0}НУР", "Ӏ"])
    func rejected(text: String) {
        #expect(!NameNormalizer.isCanonicalCyrillic(text))
    }

    @Test("the shortcut changes no result on the seeded mixed-script corpus")
    func sameResults() {
        var rng = Corpus.Generator(state: 0x5EED_2026)
        var differing: [String] = []
        for _ in 0..<40_000 {
            let text = Corpus.randomText(from: Corpus.pieces, using: &rng)
            for candidate in [text, NameNormalizer.normalised(text)] where NameNormalizer.canonical(candidate) != NameNormalizer.normalised(candidate) {
                differing.append(candidate)
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20))")
    }
}
