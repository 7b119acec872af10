/// Which state registry a result or a piece of evidence came from.
///
/// A small fixed set, so it is safe as a metric label and in logs.
public enum RegistryName: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// ГБД ФЛ, the state database of individuals (persons and ЗАГС birth records).
    case individuals
    /// НОБД, the national education database (pupils and educators).
    case education
    /// ГБД ЮЛ, the business registry (legal entities and individual entrepreneurs).
    case business
    /// The health registries (attachment, disability, dispensary registration, sports clearance).
    case health
    /// The SMS gateway.
    case sms

    /// The name as used in metric labels and log metadata.
    public var description: String { rawValue }
}
