/// The five mock registries, by the name `qorgan mocks serve` prints.
public enum MockRegistryName: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// ГБД ФЛ, the state database of individuals (SyncChannel SOAP, signed responses).
    case individuals
    /// НОБД, the national education database (SyncChannel SOAP).
    case education
    /// ГБД ЮЛ, the business registry with individual entrepreneurs (SyncChannel SOAP).
    case business
    /// The health registries (JSON REST behind an OAuth2 client-credentials token).
    case health
    /// The SMS gateway, short number 1414 (JSON REST).
    case sms

    /// The name as printed and accepted on the command line.
    public var description: String { rawValue }

    /// Whether the mock speaks SyncChannel SOAP (otherwise JSON REST).
    public var isSOAP: Bool {
        switch self {
        case .individuals, .education, .business: true
        case .health, .sms: false
        }
    }
}
