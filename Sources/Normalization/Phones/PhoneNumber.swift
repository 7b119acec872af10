/// A Kazakhstan mobile number in E.164 form, `+77XXXXXXXXX`.
///
/// Accepted input: `+7 (701) 123-45-67`, `8 701 123 45 67`, `87011234567`, `77011234567`, `7011234567`,
/// `+7-701-123-4567`, `007 701…`, `8~10 7 701…` (the old international prefix `810`); blanks, `(`, `)`, `-`,
/// `.` and `~` are ignored, `+` only at the start. Rejected with a reason: other characters
/// (`phoneInvalidCharacter`), wrong digit counts (`phoneLength`), other country codes and Russian numbers
/// in zone +7 (`phoneForeign`), Kazakhstan numbers whose code is not in `KazakhstanMobilePrefixes`
/// (`phoneNotMobile`).
///
/// ```swift
/// try PhoneNumber("8 (701) 123-45-67").e164       // "+77011234567"
/// try PhoneNumber("+7 7172 55 66 77")             // throws phoneNotMobile (Astana landline)
/// ```
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The ten national digits, `7XXXXXXXXX`, as a number.
    public let national: Int

    /// Parses and validates `text`.
    ///
    /// - Throws: `NormalizationError` with reason `empty`, `phoneInvalidCharacter`, `phoneLength`,
    ///   `phoneForeign` or `phoneNotMobile`.
    public init(_ text: String) throws(NormalizationError) {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var international = false
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            switch scalar.value {
            case 0x30...0x39:
                digits.append(UInt8(scalar.value - 0x30))
            case 0x2B where digits.isEmpty && !international:
                international = true
            case 0x20, 0x09, 0xA0, 0x2009, 0x202F, 0x28, 0x29, 0x2D, 0x2010...0x2015, 0x2E, 0x7E:
                continue
            default:
                throw .phoneInvalidCharacter(position: position, scalar: scalar)
            }
        }
        if digits.isEmpty { throw international ? .phoneLength(digits: 0) : .empty }
        var rest = digits[...]
        if !international {
            if rest.starts(with: [0, 0]) {
                international = true
                rest = rest.dropFirst(2)
            } else if rest.starts(with: [8, 1, 0]) && rest.count > 11 {
                international = true
                rest = rest.dropFirst(3)
            }
        }
        let nationalDigits: ArraySlice<UInt8>
        if international {
            guard rest.first == 7 else { throw .phoneForeign(countryCode: Self.countryCode(rest)) }
            nationalDigits = rest.dropFirst()
        } else if rest.count == 11 && (rest.first == 8 || rest.first == 7) {
            nationalDigits = rest.dropFirst()
        } else {
            nationalDigits = rest
        }
        guard nationalDigits.count == 10 else { throw .phoneLength(digits: digits.count) }
        let value = nationalDigits.reduce(0) { $0 * 10 + Int($1) }
        let zone = Int(nationalDigits.first.unsafelyUnwrapped)
        guard zone == 7 || zone == 6 else { throw .phoneForeign(countryCode: "7 (\(zone)xx)") }
        let code = value / 10_000_000
        guard zone == 7, KazakhstanMobilePrefixes.contains(code) else { throw .phoneNotMobile(areaCode: String(code)) }
        self.national = value
    }

    /// E.164 form, `+77011234567`.
    public var e164: String { "+7\(national)" }

    /// The operator code, e.g. 701.
    public var operatorCode: Int { national / 10_000_000 }

    /// Human form, `+7 701 123 45 67`.
    public var formatted: String {
        let subscriber = national % 10_000_000
        let text = String(subscriber + 10_000_000).dropFirst()
        let a = text.prefix(3)
        let b = text.dropFirst(3).prefix(2)
        let c = text.suffix(2)
        return "+7 \(operatorCode) \(a) \(b) \(c)"
    }

    /// The E.164 form.
    public var description: String { e164 }

    /// Leading digits of a foreign number, for the error message (1–3 digits).
    private static func countryCode(_ digits: ArraySlice<UInt8>) -> String {
        let code = digits.prefix(3).map(String.init).joined()
        return code.isEmpty ? "?" : "+" + code
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try PhoneNumber(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.shortDescription))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(e164)
    }
}
