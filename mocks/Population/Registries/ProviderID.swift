public import Identifiers

/// A provider's identifier: an individual entrepreneur in personal entrepreneurship by IIN, anyone else by BIN.
public enum ProviderID: Sendable, Hashable, CustomStringConvertible {
    case iin(IIN)
    case bin(BIN)

    /// The twelve digits (an IIN unmasked: this is a wire value).
    public var digits: String {
        switch self {
        case .iin(let iin): iin.unmasked
        case .bin(let bin): bin.text
        }
    }

    /// `IIN:…` masked or `BIN:…` — safe for logs.
    public var description: String {
        switch self {
        case .iin(let iin): "IIN:" + iin.masked
        case .bin(let bin): "BIN:" + bin.text
        }
    }
}
