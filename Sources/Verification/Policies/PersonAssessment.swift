public import Matching

/// What the registry said about one declared person and how well the declaration agrees with it.
public struct PersonAssessment: Sendable, Hashable, Codable {
    /// The registry's answer: found, notFound, unavailable, invalidResponse; `nil` when the IIN never reached it.
    public var registryOutcome: RegistryOutcome?
    /// The score with its explanation, when the record was found.
    public var score: MatchScore?
    /// Whether the registry records the person as deceased.
    public var deceased: Bool

    /// Creates an assessment.
    public init(registryOutcome: RegistryOutcome?, score: MatchScore? = nil, deceased: Bool = false) {
        self.registryOutcome = registryOutcome
        self.score = score
        self.deceased = deceased
    }
}
