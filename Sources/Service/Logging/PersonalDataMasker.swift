/// Masks IIN/BIN-like digit runs in text bound for logs and problem details: any run of 12 or more digits —
/// also when the digits are split by single spaces or hyphens (`850415 300122`, `8504-1530-0122`) — keeps its
/// first four and last two digits and shows `*` for the others (`0612******12`). Separators stay in place.
///
/// It is the last line of defence: code should never log an IIN in the first place (an `IIN` prints itself
/// masked). Any Unicode decimal digit counts, so full-width digits are masked too.
///
/// ```swift
/// PersonalDataMasker.standard.mask("child 061215300112 declared")  // "child 0612******12 declared"
/// ```
public struct PersonalDataMasker: Sendable {
    /// How many digits a run needs before it is masked (default 12, the length of an IIN or BIN).
    public var minimumDigits: Int
    /// Digits kept at the start of a masked run (default 4).
    public var keepLeading: Int
    /// Digits kept at the end of a masked run (default 2).
    public var keepTrailing: Int

    /// A masker; the defaults mask IINs and BINs as `0612******12`.
    public init(minimumDigits: Int = 12, keepLeading: Int = 4, keepTrailing: Int = 2) {
        self.minimumDigits = minimumDigits
        self.keepLeading = keepLeading
        self.keepTrailing = keepTrailing
    }

    /// The default masker (12 digits, keep 4 + 2).
    public static let standard = PersonalDataMasker()

    /// `text` with every long digit run masked; `text` itself when it has none (no copy).
    public func mask(_ text: String) -> String {
        var utf8Digits = 0
        for byte in text.utf8 where byte >= 0x30 && byte <= 0x39 { utf8Digits += 1 }
        // Fast path: fewer ASCII digits than a run needs, and nothing non-ASCII that could be a digit.
        if utf8Digits < minimumDigits && text.utf8.allSatisfy({ $0 < 0x80 }) { return text }

        var scalars = Array(text.unicodeScalars)
        var changed = false
        var index = 0
        while index < scalars.count {
            guard Self.isDigit(scalars[index]) else {
                index += 1
                continue
            }
            // A run: digits, possibly joined by single separators that sit between two digits.
            var digitPositions: [Int] = [index]
            var cursor = index + 1
            while cursor < scalars.count {
                if Self.isDigit(scalars[cursor]) {
                    digitPositions.append(cursor)
                    cursor += 1
                } else if Self.isSeparator(scalars[cursor]), cursor + 1 < scalars.count, Self.isDigit(scalars[cursor + 1]) {
                    cursor += 1
                } else {
                    break
                }
            }
            if digitPositions.count >= minimumDigits {
                let masked = digitPositions.dropFirst(keepLeading).dropLast(keepTrailing)
                for position in masked { scalars[position] = "*" }
                changed = true
            }
            index = cursor
        }
        guard changed else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.numericType == .decimal
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "\u{00A0}"
    }
}
