public import Identifiers

/// Asks the health registries what they state about a person (attachment, disability, dispensary, clearance).
public protocol HealthRegistry: Sendable {
    /// Everything the health registries hold about `iin`.
    func healthFacts(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<HealthFacts>
}
