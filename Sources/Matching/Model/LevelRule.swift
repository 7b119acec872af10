/// The test a comparison level applies to a pair of values: data, so the model file says exactly what each
/// level means.
///
/// JSON: `{"kind": "jaroWinkler", "threshold": 0.92}`. Which kinds apply to which fields:
///
/// | kind | names | birthDate | gender, region | phone |
/// |---|---|---|---|---|
/// | `exact` | display canonical forms equal | same day | equal | equal |
/// | `keyEqual` | comparison keys equal (after transliteration, Kazakh letters folded, look-alikes) | — | — | — |
/// | `stemEqual` | surname stems equal (Ахметов/Ахметова/Ахметұлы); patronymics name the same father | — | — | — |
/// | `swapped` | surname and first name swapped between the records (surname and first name fields) | — | — | — |
/// | `jaroWinkler` | Jaro–Winkler of the keys ≥ `threshold` | — | — | — |
/// | `damerauLevenshtein` | OSA distance of the keys ≤ `threshold` | — | — | OSA distance of the digits ≤ `threshold` |
/// | `dayMonthSwapped`, `oneDigitOff`, `sameYear` | — | `DateRelation` | — | — |
/// | `else` | always (the last level of every comparison) | always | always | always |
public struct LevelRule: Sendable, Hashable, Codable {
    /// What the rule tests.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case exact
        case keyEqual
        case stemEqual
        case swapped
        case jaroWinkler
        case damerauLevenshtein
        case dayMonthSwapped
        case oneDigitOff
        case sameYear
        case `else`
    }

    /// What the rule tests.
    public var kind: Kind
    /// The similarity floor (`jaroWinkler`) or distance ceiling (`damerauLevenshtein`); unused otherwise.
    public var threshold: Double?

    /// Creates a rule.
    public init(_ kind: Kind, threshold: Double? = nil) {
        self.kind = kind
        self.threshold = threshold
    }

    /// Identical values.
    public static let exact = LevelRule(.exact)
    /// Equal comparison keys.
    public static let keyEqual = LevelRule(.keyEqual)
    /// Equal stems / the same father.
    public static let stemEqual = LevelRule(.stemEqual)
    /// Surname and first name swapped.
    public static let swapped = LevelRule(.swapped)
    /// Always true: the catch-all last level.
    public static let otherwise = LevelRule(.else)
    /// Day and month swapped.
    public static let dayMonthSwapped = LevelRule(.dayMonthSwapped)
    /// One digit off.
    public static let oneDigitOff = LevelRule(.oneDigitOff)
    /// Same year only.
    public static let sameYear = LevelRule(.sameYear)
    /// Jaro–Winkler of the keys at least `threshold`.
    public static func jaroWinkler(_ threshold: Double) -> LevelRule { LevelRule(.jaroWinkler, threshold: threshold) }
    /// OSA distance at most `maximum`.
    public static func damerauLevenshtein(_ maximum: Int) -> LevelRule { LevelRule(.damerauLevenshtein, threshold: Double(maximum)) }
}
