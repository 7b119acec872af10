/// Whom a requirement result is about: the provider, its head, or one declared coach.
///
/// Carries only masked identifiers (an IIN as `8504******21`; a BIN in full, being public business data), so results
/// may be shown and logged.
public struct ProviderRequirementSubject: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kind of subject.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The provider (legal entity or entrepreneur).
        case provider = "PROVIDER"
        /// The provider's head.
        case head = "HEAD"
        /// A coach, by position in the request.
        case coach = "COACH"
    }

    /// The kind.
    public var kind: Kind
    /// The coach's position in ``ProviderCheckRequest/coaches`` (0-based), for coaches only.
    public var coachIndex: Int?
    /// The masked identifier: a masked IIN, or a BIN; `nil` when the typed one failed the local checks.
    public var maskedIdentifier: String?

    /// Creates a subject.
    public init(kind: Kind, coachIndex: Int? = nil, maskedIdentifier: String? = nil) {
        self.kind = kind
        self.coachIndex = coachIndex
        self.maskedIdentifier = maskedIdentifier
    }

    /// The provider.
    public static func provider(_ maskedIdentifier: String?) -> Self { Self(kind: .provider, maskedIdentifier: maskedIdentifier) }
    /// The head.
    public static func head(_ maskedIdentifier: String?) -> Self { Self(kind: .head, maskedIdentifier: maskedIdentifier) }
    /// Coach number `index`.
    public static func coach(_ index: Int, _ maskedIdentifier: String?) -> Self {
        Self(kind: .coach, coachIndex: index, maskedIdentifier: maskedIdentifier)
    }

    /// `PROVIDER(…)`, `HEAD(…)` or `COACH#n(…)`.
    public var description: String {
        let id = maskedIdentifier ?? "-"
        return coachIndex.map { "\(kind.rawValue)#\($0)(\(id))" } ?? "\(kind.rawValue)(\(id))"
    }
}
