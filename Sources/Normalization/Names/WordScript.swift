/// The script a word of a name is read in, decided from its letters so that look-alikes can be repaired.
///
/// A word with Cyrillic-only letters and Latin twins (Latin `i` in "Серiк") is Cyrillic; a word with only
/// twins (all of A, C, E, K, M, O, P, T, X, …) follows the rest of the text.
enum WordScript: Sendable {
    case cyrillic
    case latin

    /// Counts of a word's letters by role.
    struct Tally {
        var cyrillic = 0
        var latin = 0
        var cyrillicTwins = 0
        var latinTwins = 0

        mutating func add(_ role: LetterTables.Role) {
            switch role {
            case .cyrillic: cyrillic += 1
            case .latin: latin += 1
            case .cyrillicTwin: cyrillicTwins += 1
            case .latinTwin: latinTwins += 1
            case .separator, .mark, .otherLetter: break
            }
        }

        /// The script the specific letters decide, or `nil` when the word has only twins.
        var decided: WordScript? {
            if cyrillic == 0 && latin == 0 { return nil }
            return cyrillic >= latin ? .cyrillic : .latin
        }

        /// The script the twins themselves are written in (ties go to Cyrillic).
        var byTwins: WordScript { cyrillicTwins >= latinTwins ? .cyrillic : .latin }
    }

    /// The script of a whole text: the specific letters of all words, else the twins.
    static func ofText(_ scalars: String.UnicodeScalarView) -> WordScript {
        var tally = Tally()
        for scalar in scalars { tally.add(LetterTables.role(scalar.value)) }
        return tally.decided ?? tally.byTwins
    }
}
