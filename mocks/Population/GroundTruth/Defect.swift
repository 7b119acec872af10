public import Identifiers

/// One injected defect: what a registry says about a person that differs from the truth.
///
/// The ground truth lists every defect; recounting the differences between each registry view and the
/// truth gives exactly these entries.
public struct Defect: Sendable, Hashable {
    /// The registry whose record is wrong or missing.
    public let registry: RegistryKind
    /// What went wrong.
    public let kind: DefectKind
    /// The affected person.
    public let iin: IIN
    /// The field that differs; `nil` for a missing or stale record.
    public let field: DefectField?
    /// The true value of `field` (`nil` for a missing patronymic's registry side, or record-level defects).
    public let truth: String?
    /// The value the registry holds (`nil` when the field or the record is absent).
    public let recorded: String?

    /// Creates a ground-truth entry.
    public init(registry: RegistryKind, kind: DefectKind, iin: IIN, field: DefectField?, truth: String?, recorded: String?) {
        self.registry = registry
        self.kind = kind
        self.iin = iin
        self.field = field
        self.truth = truth
        self.recorded = recorded
    }
}

/// The kinds of injected registry defects.
public enum DefectKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A Kazakh letter typed as its Russian look-alike (Қ→К, Ұ→У, І→И, …).
    case nameKazakhLetterRussianised = "NAME_KAZAKH_LETTER_RUSSIANISED"
    /// A Cyrillic name stored in Latin transliteration.
    case nameLatinTransliteration = "NAME_LATIN_TRANSLITERATION"
    /// One letter substituted, dropped or doubled.
    case nameTypo = "NAME_TYPO"
    /// Surname and first name swapped.
    case nameFirstLastSwapped = "NAME_FIRST_LAST_SWAPPED"
    /// Patronymic not recorded.
    case patronymicMissing = "PATRONYMIC_MISSING"
    /// Birth date with day and month swapped.
    case birthDateDayMonthSwapped = "BIRTH_DATE_DAY_MONTH_SWAPPED"
    /// The person has no record in this registry.
    case missingRecord = "MISSING_RECORD"
    /// A deceased child still enrolled at school in НОБД.
    case deadSoul = "DEAD_SOUL"
    /// A school child the health registry knows but НОБД does not.
    case childInHealthNotInEducation = "CHILD_IN_HEALTH_NOT_IN_EDUCATION"
    /// A school child НОБД knows but the health registry does not.
    case childInEducationNotInHealth = "CHILD_IN_EDUCATION_NOT_IN_HEALTH"

    /// Whether this kind alters a name field.
    public var isNameDefect: Bool {
        switch self {
        case .nameKazakhLetterRussianised, .nameLatinTransliteration, .nameTypo, .nameFirstLastSwapped, .patronymicMissing: true
        default: false
        }
    }

    /// Whether this kind is a missing record.
    public var isMissingRecord: Bool {
        self == .missingRecord || self == .childInHealthNotInEducation || self == .childInEducationNotInHealth
    }
}

/// A person field a defect can touch.
public enum DefectField: String, Sendable, Hashable, Codable, CaseIterable {
    case surname
    case firstName
    case patronymic
    case birthDate
    /// Both surname and first name (a swap).
    case fullName
}
