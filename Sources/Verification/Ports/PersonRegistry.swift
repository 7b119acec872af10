public import Identifiers

/// Looks a person up in the individuals registry (ГБД ФЛ) by IIN.
///
/// Implementations never throw: every failure is a ``RegistryResult`` case, and *not found* is only returned when
/// the registry itself said so. They honour `deadline` and task cancellation.
public protocol PersonRegistry: Sendable {
    /// The person with `iin`, as the registry states them.
    func person(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<PersonRecord>
}
