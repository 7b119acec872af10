public import Identifiers

/// Who a provider check is about: a legal entity (or joint entrepreneurship) by BIN, or an individual entrepreneur in
/// personal entrepreneurship by IIN (they have no BIN).
///
/// Parsed from what was typed: twelve digits that pass the BIN rules are a legal entity, otherwise digits that pass
/// the IIN rules are an entrepreneur. The two never overlap — a BIN's fifth digit (entity type) is 4, 5 or 6, an
/// IIN's fifth digit (tens of the birth day) is 0–3 — so the fifth digit also decides which error to report when
/// both fail.
///
/// Encodes as the twelve-digit string (a wire value). `description` masks an entrepreneur's IIN.
///
/// ```swift
/// let provider = try ProviderIdentifier(typed: "040440001207")   // .legalEntity
/// ```
public enum ProviderIdentifier: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A legal entity or a joint entrepreneurship, looked up with `BusinessRegistry.legalEntity`.
    case legalEntity(BIN)
    /// An individual entrepreneur, looked up with `BusinessRegistry.entrepreneur`.
    case entrepreneur(IIN)

    /// Parses a typed identifier (blanks and dashes are ignored).
    ///
    /// - Parameter referenceDate: the day a BIN's registration month may not lie after (default: today in
    ///   Kazakhstan).
    /// - Throws: the BIN's error when the fifth digit is 4, 5 or 6 (the text was meant as a BIN), else the IIN's.
    public init(typed text: some StringProtocol, asOf referenceDate: CalendarDate? = nil) throws(IdentifierError) {
        let binError: IdentifierError
        do {
            self = .legalEntity(try BIN(text, asOf: referenceDate))
            return
        } catch {
            binError = error
        }
        do {
            self = .entrepreneur(try IIN(text))
        } catch {
            let digits = text.unicodeScalars.filter { $0.properties.numericType == .decimal && $0.isASCII }
            if digits.count >= 5, let fifth = digits.dropFirst(4).first, ("4"..."6").contains(fifth) { throw binError }
            throw error
        }
    }

    /// The parsed identifier, or the error to report as a reason code (`BIN_*`/`IIN_*`).
    public static func parse(_ text: some StringProtocol, asOf referenceDate: CalendarDate? = nil) -> Result<ProviderIdentifier, IdentifierError> {
        do {
            return .success(try ProviderIdentifier(typed: text, asOf: referenceDate))
        } catch {
            return .failure(error)
        }
    }

    /// The twelve digits (an IIN unmasked: use only on the wire).
    public var digits: String {
        switch self {
        case .legalEntity(let bin): bin.text
        case .entrepreneur(let iin): iin.unmasked
        }
    }

    /// The identifier safe to show and log: a BIN in full (public business data), an IIN masked.
    public var masked: String {
        switch self {
        case .legalEntity(let bin): bin.text
        case .entrepreneur(let iin): iin.masked
        }
    }

    /// `BIN:<digits>` or `IIN:<masked>`.
    public var description: String {
        switch self {
        case .legalEntity(let bin): "BIN:" + bin.text
        case .entrepreneur(let iin): "IIN:" + iin.masked
        }
    }

    /// Decodes from the twelve-digit string, parsed as by `init(typed:)`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(typed: text)
    }

    /// Encodes as the twelve-digit string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
