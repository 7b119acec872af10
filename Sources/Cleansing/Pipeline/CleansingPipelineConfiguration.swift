public import Normalization

/// How ``CleansingPipeline`` decides a row: date reading, the registry call budget, what an uncertain match
/// becomes, which cross-row findings make a row `DUPLICATE`, and which corrections are proposed.
public struct CleansingPipelineConfiguration: Sendable {
    /// How typed birth dates are read.
    ///
    /// Default: `DateParser.Configuration.default` (day first, lenient, two-digit years pivot on the current year).
    public var dateParsing: DateParser.Configuration

    /// A cap on one registry call, applied to the caller's deadline (`deadline.capped(at:)`); `nil` uses the
    /// deadline alone.
    ///
    /// Default: `nil`. A call that overruns becomes `REGISTRY_UNAVAILABLE` (`individuals:timeout`), never `NOT_FOUND`.
    public var registryCallBudget: Duration?

    /// The decision for a row the model scores between its review and match thresholds (close, not close
    /// enough), which also carries `IDENTITY_UNCERTAIN`.
    ///
    /// Default: `.correctable` — the registry's values are proposed and a person confirms them. `.mismatch` is the
    /// stricter choice.
    public var uncertainIdentity: CleansingDecision

    /// Whether a row whose first name does not weigh for the match (weight ≤ 0: the default model's "similar" and
    /// "different" levels, e.g. Нурлан for Ерлан) is a `MISMATCH` even when the other fields push the total over
    /// the match threshold.
    ///
    /// Default: `true`. Surname, patronymic and birth date alone fit a sibling; the registry's first name is never
    /// proposed as a "correction" of somebody else's.
    public var requiresFirstNameAgreement: Bool

    /// Cross-row findings that make an otherwise `VALID` or `CORRECTABLE` row `DUPLICATE`. Other findings still add
    /// their reason code and the duplicate group.
    ///
    /// Default: every kind. Leave out `.exactRepeat` for exports that list a parent once per child.
    public var duplicateKinds: Set<CrossRowFinding.Kind>

    /// Whether an empty field (in a column the file has) is proposed from the registry, e.g. a missing patronymic.
    ///
    /// Default: `true`. Columns the file lacks altogether are never proposed.
    public var proposesMissingValues: Bool

    /// Creates a configuration; every parameter defaults as documented on its property.
    public init(
        dateParsing: DateParser.Configuration = .default, registryCallBudget: Duration? = nil, uncertainIdentity: CleansingDecision = .correctable,
        requiresFirstNameAgreement: Bool = true, duplicateKinds: Set<CrossRowFinding.Kind> = Set(CrossRowFinding.Kind.allCases),
        proposesMissingValues: Bool = true
    ) {
        self.dateParsing = dateParsing
        self.registryCallBudget = registryCallBudget
        self.uncertainIdentity = uncertainIdentity
        self.requiresFirstNameAgreement = requiresFirstNameAgreement
        self.duplicateKinds = duplicateKinds
        self.proposesMissingValues = proposesMissingValues
    }

    /// The defaults.
    public static var `default`: CleansingPipelineConfiguration { CleansingPipelineConfiguration() }
}
