/// What `NameKeyEncoder` needs to know about one scalar, precomputed for every scalar below U+0500.
///
/// Each entry is derived from `LetterTables` (the one source of the letter rules) when the table is first
/// used, so the table cannot disagree with the switch statements; it only saves running them per letter.
/// Scalars from U+0500 up are classified on the fly by the same derivation (`entry(for:)`).
enum KeyLetterTable {
    /// Scalars with a precomputed entry: U+0000–U+04FF.
    static let count: UInt32 = 0x500

    /// The entries, indexed by scalar value; built once, never freed.
    nonisolated(unsafe) static let entries: UnsafePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: Int(count))
        for value in 0..<count { table[Int(value)] = entry(for: value) }
        return UnsafePointer(table)
    }()

    /// Which upper-case Cyrillic letter a letter reads as, for the ТС and ДЖ rules; `.none` for all others.
    enum Tag: UInt8 {
        case none, te, es, de, zhe
    }

    /// The script a word's letters vote for, stored in its first entry by the decoder.
    enum Script: UInt8 {
        case cyrillic, latin, undecided
    }

    /// What a mark does after the Latin letter before it.
    enum MarkEffect: UInt8 {
        /// Nothing (stress marks, diaereses, … fold away).
        case none
        /// Cedilla or apostrophe: S → SH, C → CH.
        case afterSC
        /// Caron: S → SH, C → CH, Z → ZH.
        case afterSCZ
    }

    /// One packed entry: role, spelling inside a Cyrillic word, Cyrillic tag, spelling inside a Latin word,
    /// mark effect (one byte each; a spelling is up to two ASCII bytes, 0 for none), and in the top byte the
    /// letter's one-hot tally bits (Cyrillic-only, Latin-only, Cyrillic twin, Latin twin). A letter of another
    /// script carries its scalar in bits 8–31 instead. The decoder replaces the top byte of a word's first entry
    /// with the word's script vote.
    struct Entry {
        let bits: UInt64

        @inline(__always) init(_ bits: UInt64) { self.bits = bits }

        @inline(__always) var rawRole: UInt8 { UInt8(truncatingIfNeeded: bits) }
        @inline(__always) var tallyBits: UInt64 { bits >> 56 }
        @inline(__always) var role: LetterTables.Role { LetterTables.Role(rawValue: UInt8(truncatingIfNeeded: bits)).unsafelyUnwrapped }
        @inline(__always) var cyrillicFirst: UInt8 { UInt8(truncatingIfNeeded: bits >> 8) }
        @inline(__always) var cyrillicSecond: UInt8 { UInt8(truncatingIfNeeded: bits >> 16) }
        @inline(__always) var rawTag: UInt8 { UInt8(truncatingIfNeeded: bits >> 24) }
        @inline(__always) var latinFirst: UInt8 { UInt8(truncatingIfNeeded: bits >> 32) }
        @inline(__always) var latinSecond: UInt8 { UInt8(truncatingIfNeeded: bits >> 40) }
        @inline(__always) var otherScalar: UInt32 { UInt32(truncatingIfNeeded: bits >> 8) & 0xFF_FFFF }
        @inline(__always) var wordScript: Script { Script(rawValue: UInt8(truncatingIfNeeded: bits >> 56)).unsafelyUnwrapped }
        @inline(__always) var markEffect: MarkEffect { MarkEffect(rawValue: UInt8(truncatingIfNeeded: bits >> 48)).unsafelyUnwrapped }
    }

    /// The entry of any scalar, from `LetterTables`.
    static func entry(for value: UInt32) -> UInt64 {
        let role = LetterTables.role(value)
        var cyrillic: (UInt8, UInt8) = (0, 0)
        var latin: (UInt8, UInt8) = (0, 0)
        var tag = Tag.none
        var mark = MarkEffect.none
        switch role {
        case .separator:
            break
        case .otherLetter:
            return UInt64(role.rawValue) | UInt64(value) << 8
        case .mark:
            if value == 0x30C {
                mark = .afterSCZ
            } else if value == 0x327 || !(0x300...0x36F).contains(value) {
                mark = .afterSC
            }
        case .latin:
            cyrillic = LetterTables.latinSpelling(value)
            latin = cyrillic
        case .latinTwin:
            let upper = LetterTables.cyrillicForLatinTwin(value)
            cyrillic = LetterTables.cyrillicSkeleton(upper)
            tag = Self.tag(upper)
            latin = LetterTables.latinSpelling(value)
        case .cyrillic:
            let upper = LetterTables.cyrillicUpper(value)
            cyrillic = LetterTables.cyrillicSkeleton(upper)
            tag = Self.tag(upper)
            latin = cyrillic
        case .cyrillicTwin:
            let upper = LetterTables.cyrillicUpper(value)
            cyrillic = LetterTables.cyrillicSkeleton(upper)
            tag = Self.tag(upper)
            latin = LetterTables.latinSpelling(LetterTables.latinForCyrillicTwin(value))
        }
        let tally: UInt64 =
            switch role {
            case .cyrillic: 1
            case .latin: 2
            case .cyrillicTwin: 4
            case .latinTwin: 8
            case .separator, .mark, .otherLetter: 0
            }
        return tally << 56 | UInt64(role.rawValue) | UInt64(cyrillic.0) << 8 | UInt64(cyrillic.1) << 16 | UInt64(tag.rawValue) << 24
            | UInt64(latin.0) << 32 | UInt64(latin.1) << 40 | UInt64(mark.rawValue) << 48
    }

    private static func tag(_ upper: UInt32) -> Tag {
        switch upper {
        case 0x422: .te  // Т
        case 0x421: .es  // С
        case 0x414: .de  // Д
        case 0x416: .zhe  // Ж
        default: .none
        }
    }
}
