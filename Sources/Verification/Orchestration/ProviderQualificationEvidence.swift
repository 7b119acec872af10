import Identifiers

/// What the registries say about a provider, its head and its coaches, gathered for one provider check by
/// ``ProviderQualificationCollector``.
///
/// Each part keeps its own ``RegistryResult``: a slow registry costs its parts (`.unavailable(.timeout)`), not the
/// whole picture. Codable (the four result cases stay distinct); it holds personal data, so store it only encrypted.
public struct ProviderQualificationEvidence: Sendable, CustomStringConvertible {
    /// The provider the registries were asked about.
    public var provider: ProviderIdentifier
    /// The legal entity (ГБД ЮЛ), for a provider identified by BIN; `nil` otherwise.
    public var legalEntity: RegistryResult<LegalEntity>?
    /// The entrepreneur (ГБД ЮЛ), for a provider identified by IIN; `nil` otherwise.
    public var entrepreneur: RegistryResult<IndividualEntrepreneur>?
    /// The head in the individuals registry: the declared head of a legal entity (by the declared IIN), or the
    /// entrepreneur themselves; `nil` when there was nobody valid to ask for.
    public var head: RegistryResult<PersonRecord>?
    /// One entry per declared coach, in request order; `nil` where the typed IIN failed the local checks.
    public var coaches: [ProviderCoachEvidence?]

    /// Creates evidence from its parts.
    public init(
        provider: ProviderIdentifier, legalEntity: RegistryResult<LegalEntity>? = nil, entrepreneur: RegistryResult<IndividualEntrepreneur>? = nil,
        head: RegistryResult<PersonRecord>? = nil, coaches: [ProviderCoachEvidence?] = []
    ) {
        self.provider = provider
        self.legalEntity = legalEntity
        self.entrepreneur = entrepreneur
        self.head = head
        self.coaches = coaches
    }

    /// Every registry answer the parts rest on (for the decision and the audit entry), without duplicates.
    public var evidence: [RegistryEvidence] {
        var all: [RegistryEvidence] = [legalEntity?.evidence, entrepreneur?.evidence, head?.evidence].compactMap { $0 }
        for coach in coaches.compactMap({ $0 }) { all.append(contentsOf: coach.evidence) }
        var seen = Set<String>()
        return all.filter { seen.insert($0.registry.rawValue + "\u{0}" + $0.messageId).inserted }
    }

    /// Whether any part got no usable answer (unavailable or invalid): such a check must not qualify.
    public var isIncomplete: Bool {
        var outcomes: [RegistryOutcome?] = [legalEntity?.outcome, entrepreneur?.outcome, head?.outcome]
        for coach in coaches.compactMap({ $0 }) {
            outcomes += [coach.person.outcome, coach.qualification.outcome, coach.health?.outcome]
        }
        return outcomes.contains { $0 == .unavailable || $0 == .invalidResponse }
    }

    /// `ProviderQualificationEvidence(<provider>, <n> coaches)` — IIN masked.
    public var description: String { "ProviderQualificationEvidence(\(provider), \(coaches.count) coaches)" }
}

extension ProviderQualificationEvidence: Codable {
    private enum CodingKeys: String, CodingKey {
        case provider, legalEntity, entrepreneur, head, coaches
    }

    /// Decodes every part (see ``ProviderStoredResult``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        provider = try container.decode(ProviderIdentifier.self, forKey: .provider)
        legalEntity = try container.decodeIfPresent(ProviderStoredResult<LegalEntity>.self, forKey: .legalEntity)?.result()
        entrepreneur = try container.decodeIfPresent(ProviderStoredResult<IndividualEntrepreneur>.self, forKey: .entrepreneur)?.result()
        head = try container.decodeIfPresent(ProviderStoredResult<PersonRecord>.self, forKey: .head)?.result()
        coaches = try container.decode([ProviderCoachEvidence?].self, forKey: .coaches)
    }

    /// Encodes every part as `{outcome, record?, evidence?, unavailable?, invalid?}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(provider, forKey: .provider)
        try container.encodeIfPresent(legalEntity.map(ProviderStoredResult.init), forKey: .legalEntity)
        try container.encodeIfPresent(entrepreneur.map(ProviderStoredResult.init), forKey: .entrepreneur)
        try container.encodeIfPresent(head.map(ProviderStoredResult.init), forKey: .head)
        try container.encode(coaches, forKey: .coaches)
    }
}
