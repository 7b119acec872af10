public import Identifiers

/// What an akimat operator asks to have checked about a provider: who the provider is, which kind of section it
/// runs, its head, and its coaches — the input of ``ProviderQualificationCollector`` and
/// ``ProviderQualificationPolicy``.
///
/// Identifiers are kept as typed; the collector and the policy parse them, so a bad one becomes a reason code
/// (`BIN_*`/`IIN_*`) instead of an error, and never reaches a registry. `description` masks every IIN.
///
/// ```swift
/// let request = ProviderCheckRequest(
///     providerID: "040440001207", section: .sport,
///     head: ProviderPersonDeclaration(iin: "850415300121", surname: "Жұмабеков", firstName: "Ерлан"),
///     coaches: [ProviderPersonDeclaration(iin: "791102401577", surname: "Сейткали", firstName: "Айдос")])
/// ```
public struct ProviderCheckRequest: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The provider's BIN (legal entity) or IIN (individual entrepreneur), as typed.
    public var providerID: String
    /// The section type the provider is checked for.
    public var section: ProviderSectionType
    /// The declared head (director) of a legal entity; for an entrepreneur, optional — the holder is the head.
    public var head: ProviderPersonDeclaration?
    /// The coaches (teachers) the provider declares, in the order results refer to them (`coachIndex`).
    public var coaches: [ProviderPersonDeclaration]

    /// Creates a request.
    public init(providerID: String, section: ProviderSectionType, head: ProviderPersonDeclaration? = nil, coaches: [ProviderPersonDeclaration] = []) {
        self.providerID = providerID
        self.section = section
        self.head = head
        self.coaches = coaches
    }

    /// The parsed provider, or why the typed identifier is not a valid BIN or IIN.
    public var provider: Result<ProviderIdentifier, IdentifierError> {
        ProviderIdentifier.parse(providerID)
    }

    /// `ProviderCheckRequest(<provider>, <section>, <n> coaches)` — IINs masked, no names.
    public var description: String {
        let shown = (try? provider.get())?.description ?? "invalid id"
        return "ProviderCheckRequest(\(shown), \(section.rawValue), \(coaches.count) coaches)"
    }
}
