/// One of the state registries the population is seen through; each holds its own, possibly wrong, view.
public enum RegistryKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// ГБД ФЛ — the state database of individuals (and its ЗАГС birth records).
    case individuals
    /// НОБД — the national education database (pupils, educators).
    case education
    /// Health registries: attachment (РПН), disability (МСЭ), dispensary registration, sports clearance.
    case health
    /// ГБД ЮЛ — legal entities by BIN, and individual entrepreneurs by IIN.
    case business
}
