public import Identifiers

/// Asks the business registry (ГБД ЮЛ) about providers: legal entities by BIN, individual entrepreneurs by IIN.
public protocol BusinessRegistry: Sendable {
    /// The legal entity with `bin`.
    func legalEntity(_ bin: BIN, within deadline: Deadline) async -> RegistryResult<LegalEntity>
    /// The individual entrepreneur registered under `iin`.
    func entrepreneur(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<IndividualEntrepreneur>
}
