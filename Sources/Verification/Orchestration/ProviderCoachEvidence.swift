public import Identifiers

/// What the registries say about one declared coach: the person, the educator record, and (sport sections) health
/// facts. Each part keeps its own ``RegistryResult``.
///
/// Codable so the service can keep it with the decision — it holds personal and health data, so store it only
/// encrypted. `description` prints only the masked IIN.
public struct ProviderCoachEvidence: Sendable, CustomStringConvertible {
    /// The coach's IIN (the key every part was asked for).
    public var iin: IIN
    /// The coach in the individuals registry (ГБД ФЛ).
    public var person: RegistryResult<PersonRecord>
    /// The coach's diplomas and category in the education database (НОБД).
    public var qualification: RegistryResult<EducatorQualification>
    /// The coach's health facts; `nil` when the section needs no clearance (art) and they were not asked for.
    public var health: RegistryResult<HealthFacts>?

    /// Creates coach evidence.
    public init(
        iin: IIN, person: RegistryResult<PersonRecord>, qualification: RegistryResult<EducatorQualification>,
        health: RegistryResult<HealthFacts>? = nil
    ) {
        self.iin = iin
        self.person = person
        self.qualification = qualification
        self.health = health
    }

    /// The registry answers the parts rest on.
    public var evidence: [RegistryEvidence] {
        [person.evidence, qualification.evidence, health?.evidence].compactMap { $0 }
    }

    /// `ProviderCoachEvidence(<masked IIN>)`.
    public var description: String { "ProviderCoachEvidence(\(iin.masked))" }
}

extension ProviderCoachEvidence: Codable {
    private enum CodingKeys: String, CodingKey {
        case iin, person, qualification, health
    }

    /// Decodes every part (see ``ProviderStoredResult``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iin = try container.decode(IIN.self, forKey: .iin)
        person = try container.decode(ProviderStoredResult<PersonRecord>.self, forKey: .person).result()
        qualification = try container.decode(ProviderStoredResult<EducatorQualification>.self, forKey: .qualification).result()
        health = try container.decodeIfPresent(ProviderStoredResult<HealthFacts>.self, forKey: .health)?.result()
    }

    /// Encodes every part as `{outcome, record?, evidence?, unavailable?, invalid?}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(iin, forKey: .iin)
        try container.encode(ProviderStoredResult(person), forKey: .person)
        try container.encode(ProviderStoredResult(qualification), forKey: .qualification)
        try container.encodeIfPresent(health.map(ProviderStoredResult.init), forKey: .health)
    }
}
