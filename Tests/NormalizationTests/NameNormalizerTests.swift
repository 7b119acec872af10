import Normalization
import Testing

/// The display canonical form: upper case, blanks and dashes tidied, look-alikes repaired, Kazakh letters kept.
struct NameNormalizerTests {
    static let cases: [(String, String)] = [
        ("  әлия  нұрланқызы ", "ӘЛИЯ НҰРЛАНҚЫЗЫ"),
        ("Серiк", "СЕРІК"),  // Latin i in a Cyrillic word is the Kazakh І
        ("Hурлан", "НУРЛАН"),  // Latin H for Н
        ("Аliya", "ALIYA"),  // Cyrillic А in a Latin word
        ("фёдор", "ФЁДОР"),  // Ё kept in the display form
        ("Фе\u{308}дор", "ФЁДОР"),  // NFC
        ("али – султан", "АЛИ-СУЛТАН"),
        ("Али-\tСултан", "АЛИ-СУЛТАН"),
        ("aliya nurlankyzy", "ALIYA NURLANKYZY"),
        ("äliia nūrlanqyzy", "ÄLİİA NŪRLANQYZY"),  // 2021 Latin: Turkish-style casing
        ("mağjan", "MAĞJAN"),
        ("ирина", "ИРИНА"),
        ("һарун", "ҺАРУН"),
        ("ғалым", "ҒАЛЫМ"),
    ]

    @Test("display canonical forms", arguments: cases)
    func canonical(_ pair: (String, String)) {
        #expect(NameNormalizer.canonical(pair.0) == pair.1)
    }

    @Test("a normalised name carries both forms")
    func bothForms() {
        let name = NormalizedName("  серiк-\tболат ")
        #expect(name.canonical == "СЕРІК-БОЛАТ")
        #expect(name.key.description == "SERIKBOLAT")
        #expect(!name.isEmpty)
        #expect(NormalizedName(" - ").isEmpty)
    }
}
