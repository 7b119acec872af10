public import Identifiers

/// The ground truth about one declaration: who really filed it, for whom, and what was wrong with it.
public struct DeclarationTruth: Sendable, Hashable {
    /// The declaration's id.
    public let declarationID: String
    /// Deliberate fraud, or `nil` for an honest declaration.
    public let fraud: FraudKind?
    /// Typing noise applied to the honest values, in a fixed order (not fraud: a good matcher accepts these).
    public let noise: [NoiseKind]
    /// The real person who filed it.
    public let parentIIN: IIN
    /// The child the declaration is really about; `nil` when the declared IIN belongs to nobody.
    public let childIIN: IIN?
    /// The region the child is really registered in (КАТО `NN0000000`).
    public let childRegionKATO: String?

    /// Creates a truth entry.
    public init(declarationID: String, fraud: FraudKind?, noise: [NoiseKind], parentIIN: IIN, childIIN: IIN?, childRegionKATO: String?) {
        self.declarationID = declarationID
        self.fraud = fraud
        self.noise = noise
        self.parentIIN = parentIIN
        self.childIIN = childIIN
        self.childRegionKATO = childRegionKATO
    }
}

/// Deliberate fraud in a declaration.
public enum FraudKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The child IIN passes the checksum but belongs to nobody.
    case nonExistentIIN = "NON_EXISTENT_IIN"
    /// The declared child is real but not the declaring parent's child.
    case someoneElsesChild = "SOMEONE_ELSES_CHILD"
    /// The declared child has died.
    case deceasedChild = "DECEASED_CHILD"
    /// The declared region is not where the child is registered.
    case wrongRegion = "WRONG_REGION"
}

/// Honest typing noise in a declaration.
public enum NoiseKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Names typed in lower or title case instead of upper case.
    case nameCase = "NAME_CASE"
    /// Leading, trailing or doubled spaces.
    case extraSpaces = "EXTRA_SPACES"
    /// Kazakh letters typed as Russian look-alikes (or Latin i for і).
    case russianisedLetters = "RUSSIANISED_LETTERS"
    /// Birth date in a format other than yyyy-MM-dd (dd.MM.yyyy, d.M.yyyy, dd/MM/yyyy …).
    case dateFormat = "DATE_FORMAT"
    /// Phone in a local format (8 701 …, (701) …, without +7).
    case phoneFormat = "PHONE_FORMAT"
    /// IIN typed with spaces or dashes between groups.
    case iinSeparators = "IIN_SEPARATORS"
    /// Patronymic left empty.
    case patronymicOmitted = "PATRONYMIC_OMITTED"
}
