/// The character encodings cleansing input arrives in: what Excel and 1C export in Kazakhstan.
public enum CSVTextEncoding: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// Windows-1251 (Cyrillic code page of Excel's "CSV (разделители – запятые)" on a Russian Windows).
    case windows1251 = "windows-1251"

    /// `utf-8` or `windows-1251`.
    public var description: String { rawValue }

    /// The encoding a byte sample most likely is: UTF-8 when the sample is valid UTF-8 (pure ASCII included),
    /// otherwise Windows-1251.
    ///
    /// Cyrillic in Windows-1251 is almost never valid UTF-8 (a letter byte `C0…FF` followed by another letter
    /// is not a continuation byte), so one invalid sequence decides. A multi-byte sequence cut off by the end of
    /// the sample counts as valid when `isComplete` is false.
    ///
    /// - Parameters:
    ///   - sample: the first bytes of the input (after any BOM).
    ///   - isComplete: whether the sample is the whole input.
    public static func detect(sample: some Collection<UInt8>, isComplete: Bool) -> CSVTextEncoding {
        switch UTF8Validation.check(Array(sample)) {
        case .valid: .utf8
        case .truncated: isComplete ? .windows1251 : .utf8
        case .invalid: .windows1251
        }
    }
}

/// A small UTF-8 validator that tells a truncated tail apart from invalid bytes.
enum UTF8Validation {
    enum Outcome: Equatable {
        case valid
        /// Valid except for an incomplete sequence at the very end.
        case truncated
        case invalid
    }

    static func check(_ bytes: [UInt8]) -> Outcome {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .invalid
            }
            for offset in 1..<length {
                guard index + offset < count else { return .truncated }
                let byte = bytes[index + offset]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= low && byte <= high else { return .invalid }
            }
            index += length
        }
        return .valid
    }
}
