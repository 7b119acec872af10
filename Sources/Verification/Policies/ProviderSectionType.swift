/// The kind of section a provider runs, which decides the coaches' requirements.
///
/// Encodes as `SPORT` or `ART`; `CULTURE` decodes as ``art``.
public enum ProviderSectionType: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable {
    /// A sports section: coaches need a physical-culture/sport/coaching diploma and a sports medical clearance.
    case sport = "SPORT"
    /// A creative (art, culture) section: coaches need a music/choreography/art/culture diploma; no clearance.
    case art = "ART"

    /// Whether coaches of this section need a valid sports medical clearance (only sport).
    public var requiresHealthClearance: Bool { self == .sport }

    /// Decodes `SPORT`, `ART` or its alias `CULTURE` (case-insensitive).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self).uppercased()
        switch text {
        case "SPORT": self = .sport
        case "ART", "CULTURE": self = .art
        default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "section type must be SPORT or ART (CULTURE)")
        }
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
