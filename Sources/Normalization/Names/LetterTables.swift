/// Letter tables shared by the display form and the comparison key: which script a scalar belongs to,
/// which Latin and Cyrillic letters look alike, case mapping, and each letter's skeleton spelling.
///
/// Sources: names.md §1 (the nine Kazakh letters and their Russian fallbacks), §2 (look-alikes typed on the
/// wrong layout), §4 (the 2021 Kazakh Latin alphabet) and §5 (passport-style Latin). Tables are switch
/// statements on code points: no dictionaries, no allocation.
enum LetterTables {
    /// How a scalar takes part in a word.
    enum Role: UInt8 {
        /// Not part of a name word: blank, hyphen, punctuation, digit.
        case separator
        /// A Cyrillic letter with no Latin twin (Ж, Қ, и, л, …).
        case cyrillic
        /// A Latin letter with no Cyrillic twin (L, n, Ş, ı, …).
        case latin
        /// A Cyrillic letter that looks like a Latin one (А, В, Е, К, М, Н, О, Р, С, Т, Х, У, Ү, І, а, е, о, р, с, у, х, і, һ).
        case cyrillicTwin
        /// A Latin letter that looks like a Cyrillic one (A, B, C, E, H, I, K, M, O, P, T, X, Y, a, c, e, i, o, p, x, y, h, ə, ɵ).
        case latinTwin
        /// A combining mark or an apostrophe: belongs to the word, carries no letter of its own.
        case mark
        /// A letter of another script (kept as it is).
        case otherLetter
    }

    // MARK: - Classification

    static func role(_ v: UInt32) -> Role {
        switch v {
        case 0x41...0x5A, 0x61...0x7A:
            return isLatinTwin(v) ? .latinTwin : .latin
        case 0x27, 0x60, 0x2BC, 0x2BB, 0x2019, 0x2018:
            return .mark
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x17F, 0x18F, 0x19F:
            return v == 0x18F || v == 0x19F ? .latinTwin : .latin
        case 0x259, 0x275:
            return .latinTwin
        case 0x300...0x36F:
            return .mark
        case 0x400...0x4FF:
            return isCyrillicTwin(v) ? .cyrillicTwin : .cyrillic
        case 0...0x7F:
            return .separator
        default:
            return isOtherLetter(v) ? .otherLetter : .separator
        }
    }

    private static func isOtherLetter(_ v: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.isAlphabetic
    }

    private static func isLatinTwin(_ v: UInt32) -> Bool {
        switch v {
        case 0x41, 0x42, 0x43, 0x45, 0x48, 0x49, 0x4B, 0x4D, 0x4F, 0x50, 0x54, 0x58, 0x59: true  // A B C E H I K M O P T X Y
        case 0x61, 0x63, 0x65, 0x68, 0x69, 0x6F, 0x70, 0x78, 0x79: true  // a c e h i o p x y
        default: false
        }
    }

    private static func isCyrillicTwin(_ v: UInt32) -> Bool {
        switch v {
        case 0x410, 0x412, 0x415, 0x41A, 0x41C, 0x41D, 0x41E, 0x420, 0x421, 0x422, 0x425, 0x423: true  // А В Е К М Н О Р С Т Х У
        case 0x4AE, 0x406, 0x408, 0x405: true  // Ү І Ј Ѕ
        case 0x430, 0x435, 0x43E, 0x440, 0x441, 0x443, 0x445, 0x456, 0x458, 0x455, 0x4BB: true  // а е о р с у х і ј ѕ һ
        default: false
        }
    }

    // MARK: - Look-alikes

    /// The Cyrillic (upper-case) letter a Latin twin stands for inside a Cyrillic word.
    static func cyrillicForLatinTwin(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x41, 0x61: 0x410  // A → А
        case 0x42: 0x412  // B → В
        case 0x43, 0x63: 0x421  // C → С
        case 0x45, 0x65: 0x415  // E → Е
        case 0x48: 0x41D  // H → Н
        case 0x68: 0x4BA  // h → Һ
        case 0x49, 0x69: 0x406  // I, i → І (the Kazakh letter; a Latin i in a Cyrillic word is almost always і)
        case 0x4B: 0x41A  // K → К
        case 0x4D: 0x41C  // M → М
        case 0x4F, 0x6F: 0x41E  // O → О
        case 0x50, 0x70: 0x420  // P → Р
        case 0x54: 0x422  // T → Т
        case 0x58, 0x78: 0x425  // X → Х
        case 0x59, 0x79: 0x423  // Y → У
        case 0x18F, 0x259: 0x4D8  // Ə → Ә
        case 0x19F, 0x275: 0x4E8  // Ɵ → Ө
        default: v
        }
    }

    /// The Latin (upper-case ASCII) letter a Cyrillic twin stands for inside a Latin word.
    static func latinForCyrillicTwin(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x410, 0x430: 0x41  // А → A
        case 0x412: 0x42  // В → B
        case 0x415, 0x435: 0x45  // Е → E
        case 0x41A: 0x4B  // К → K
        case 0x41C: 0x4D  // М → M
        case 0x41D: 0x48  // Н → H
        case 0x41E, 0x43E: 0x4F  // О → O
        case 0x420, 0x440: 0x50  // Р → P
        case 0x421, 0x441: 0x43  // С → C
        case 0x422: 0x54  // Т → T
        case 0x425, 0x445: 0x58  // Х → X
        case 0x423, 0x443, 0x4AE: 0x59  // У, Ү → Y
        case 0x406, 0x456: 0x49  // І → I
        case 0x408, 0x458: 0x4A  // Ј → J
        case 0x405, 0x455: 0x53  // Ѕ → S
        case 0x4BB: 0x48  // һ → H
        default: v
        }
    }

    // MARK: - Case

    /// Upper case of a Cyrillic letter (U+0400–U+04FF); other scalars unchanged.
    static func cyrillicUpper(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x430...0x44F: v - 0x20
        case 0x450...0x45F: v - 0x50
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x4FF: v & 1 == 1 ? v - 1 : v
        case 0x4C1...0x4CE: v & 1 == 0 ? v - 1 : v
        case 0x4CF: 0x4C0
        default: v
        }
    }

    // MARK: - Skeleton spelling

    /// Skeleton bytes of an upper-case Cyrillic letter: up to two ASCII bytes, 0 for none.
    ///
    /// Placeholders for sounds Latin spells with digraphs: `J` = Ж, `H` = Х/Һ, `Q` = Ц, `C` = Ч, `W` = Ш/Щ;
    /// Kazakh letters fold to their Russian fallbacks (Ә→A, Ғ→G, Қ→K, Ң→N, Ө→O, Ұ/Ү→U, Һ→H, І→I); Е/Ё/Э → E;
    /// И/Й/Ы/І → I; Ь and Ъ vanish; Ю → IU, Я → IA.
    static func cyrillicSkeleton(_ upper: UInt32) -> (UInt8, UInt8) {
        switch upper {
        case 0x410: (0x41, 0)  // А
        case 0x411: (0x42, 0)  // Б
        case 0x412: (0x56, 0)  // В
        case 0x413: (0x47, 0)  // Г
        case 0x414: (0x44, 0)  // Д
        case 0x415, 0x401, 0x42D, 0x400, 0x404: (0x45, 0)  // Е Ё Э Ѐ Є
        case 0x416: (0x4A, 0)  // Ж
        case 0x417: (0x5A, 0)  // З
        case 0x418, 0x419, 0x42B, 0x406, 0x407, 0x40D, 0x4E2: (0x49, 0)  // И Й Ы І Ї Ѝ Ӣ
        case 0x41A, 0x49A, 0x4A0, 0x40C, 0x49C, 0x49E: (0x4B, 0)  // К Қ Ҡ Ќ Ҝ Ҟ
        case 0x41B, 0x409: (0x4C, 0)  // Л Љ
        case 0x41C: (0x4D, 0)  // М
        case 0x41D, 0x4A2, 0x40A, 0x4A4: (0x4E, 0)  // Н Ң Њ Ҥ
        case 0x41E, 0x4E8, 0x4E6: (0x4F, 0)  // О Ө Ӧ
        case 0x41F: (0x50, 0)  // П
        case 0x420: (0x52, 0)  // Р
        case 0x421: (0x53, 0)  // С
        case 0x422: (0x54, 0)  // Т
        case 0x423, 0x4B0, 0x4AE, 0x40E, 0x4EE, 0x4F0: (0x55, 0)  // У Ұ Ү Ў Ӯ Ӱ
        case 0x424: (0x46, 0)  // Ф
        case 0x425, 0x4BA, 0x4B2: (0x48, 0)  // Х Һ Ҳ
        case 0x426: (0x51, 0)  // Ц
        case 0x427, 0x40B, 0x4B6: (0x43, 0)  // Ч Ћ Ҷ
        case 0x428, 0x429: (0x57, 0)  // Ш Щ
        case 0x42A, 0x42C: (0, 0)  // Ъ Ь
        case 0x42E: (0x49, 0x55)  // Ю
        case 0x42F: (0x49, 0x41)  // Я
        case 0x4D8, 0x4D0, 0x4D2, 0x4D4: (0x41, 0)  // Ә Ӑ Ӓ Ӕ
        case 0x492, 0x490, 0x403, 0x494: (0x47, 0)  // Ғ Ґ Ѓ Ҕ
        case 0x402: (0x44, 0)  // Ђ
        case 0x405: (0x5A, 0)  // Ѕ
        case 0x408, 0x40F: (0x4A, 0)  // Ј Џ
        default: (0, 0)
        }
    }

    /// Upper-case ASCII spelling of a Latin letter, before the transliteration rules: up to two bytes.
    ///
    /// Diacritics fold away except where they change the sound the Kazakh 2021 and passport alphabets mean:
    /// Ş/Š → SH, Ç/Č → CH, Ž → ZH. W → V, Q → K (Kazakh Q = Қ), X → KS.
    static func latinSpelling(_ v: UInt32) -> (UInt8, UInt8) {
        switch v {
        case 0x41...0x5A, 0x61...0x7A:
            let upper = UInt8(v & 0xDF)
            switch upper {
            case 0x57: return (0x56, 0)  // W → V
            case 0x51: return (0x4B, 0)  // Q → K
            case 0x58: return (0x4B, 0x53)  // X → KS
            default: return (upper, 0)
            }
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105, 0x18F, 0x259: return (0x41, 0)
        case 0xC6, 0xE6: return (0x41, 0x45)
        case 0xC7, 0xE7, 0x10C, 0x10D: return (0x43, 0x48)
        case 0x106...0x10B: return (0x43, 0)
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: return (0x45, 0)
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: return (0x49, 0)
        case 0xD0, 0xF0, 0x10E...0x111: return (0x44, 0)
        case 0xD1, 0xF1, 0x143...0x14B: return (0x4E, 0)
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151, 0x19F, 0x275: return (0x4F, 0)
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: return (0x55, 0)
        case 0xDD, 0xFD, 0xFF, 0x176...0x178: return (0x59, 0)
        case 0xDE, 0xFE: return (0x54, 0x48)
        case 0xDF: return (0x53, 0x53)
        case 0x11C...0x123: return (0x47, 0)
        case 0x124...0x127: return (0x48, 0)
        case 0x132, 0x133: return (0x49, 0x4A)
        case 0x134, 0x135: return (0x4A, 0)
        case 0x136...0x138: return (0x4B, 0)
        case 0x139...0x142: return (0x4C, 0)
        case 0x152, 0x153: return (0x4F, 0x45)
        case 0x154...0x159: return (0x52, 0)
        case 0x15A...0x15D, 0x17F: return (0x53, 0)
        case 0x15E...0x161: return (0x53, 0x48)
        case 0x162...0x167: return (0x54, 0)
        case 0x174, 0x175: return (0x56, 0)
        case 0x179...0x17C: return (0x5A, 0)
        case 0x17D, 0x17E: return (0x5A, 0x48)
        default: return (0, 0)
        }
    }

    // MARK: - Display

    /// Whether a Latin scalar belongs only to the 2021 Kazakh Latin alphabet (Ä Ğ Ñ Ŋ Ö Ş Ū Ü ı İ Q),
    /// which switches the word to Turkish-style casing (i ↔ İ, ı ↔ I).
    static func isKazakhLatin2021Marker(_ v: UInt32) -> Bool {
        switch v {
        case 0xC4, 0xE4, 0x11E, 0x11F, 0xD1, 0xF1, 0x14A, 0x14B, 0xD6, 0xF6, 0x15E, 0x15F, 0x16A, 0x16B, 0xDC, 0xFC, 0x130, 0x131: true
        default: false
        }
    }
}
