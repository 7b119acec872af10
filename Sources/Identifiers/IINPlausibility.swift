/// What an IIN's digits 1–7 say about its holder, and soft flags where they cannot be right.
///
/// Flags are not rejections: since resolution № 853 (2013) a mismatch between the IIN and the date of
/// birth is not an error. Derived fields are `nil` whenever they would be a guess.
public struct IINPlausibility: Sendable, Hashable {
    /// Soft findings about digits 1–7.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// Digit 7 is 0, 7, 8 or 9: neither century nor sex can be derived.
        public static let centuryDigitUndefined = Flags(rawValue: 1 << 0)
        /// Digits 1–6 with the century from digit 7 are not a real calendar date (e.g. 30 February).
        public static let birthDateInvalid = Flags(rawValue: 1 << 1)

        /// Stable codes, in a fixed order: `CENTURY_DIGIT_UNDEFINED`, `BIRTH_DATE_INVALID`.
        public var codes: [String] {
            var codes: [String] = []
            if contains(.centuryDigitUndefined) { codes.append("CENTURY_DIGIT_UNDEFINED") }
            if contains(.birthDateInvalid) { codes.append("BIRTH_DATE_INVALID") }
            return codes
        }
    }

    /// Empty when digits 1–7 are consistent with the 1–6 scheme and a real date.
    public let flags: Flags
    /// Birth date from digits 1–6 and the century, when plausible.
    public let birthDate: CalendarDate?
    /// Sex from digit 7 (odd male, even female), when digit 7 is 1–6.
    public let gender: Gender?
    /// First year of the century of birth (1800, 1900 or 2000), when digit 7 is 1–6.
    public let century: Int?

    /// Whether no flag is raised.
    public var isPlausible: Bool { flags.isEmpty }

    init(_ digits: PackedDigits) {
        let centuryDigit = digits[6]
        guard (1...6).contains(centuryDigit) else {
            flags = .centuryDigitUndefined
            birthDate = nil
            gender = nil
            century = nil
            return
        }
        let centuryStart = 1800 + 100 * ((Int(centuryDigit) - 1) / 2)
        century = centuryStart
        gender = centuryDigit % 2 == 1 ? .male : .female
        birthDate = CalendarDate(year: centuryStart + digits.number(0, 1), month: digits.number(2, 3), day: digits.number(4, 5))
        flags = birthDate == nil ? .birthDateInvalid : []
    }

    /// A human explanation of one flag.
    public static func message(for flag: Flags, _ language: MessageLanguage) -> String {
        switch (flag, language) {
        case (.centuryDigitUndefined, .en): "digit 7 is not 1–6: century and sex cannot be derived from the IIN"
        case (.centuryDigitUndefined, .ru): "7-й разряд не 1–6: век и пол по ИИН определить нельзя"
        case (.birthDateInvalid, .en): "digits 1–6 are not a real birth date in the century given by digit 7"
        case (.birthDateInvalid, .ru): "разряды 1–6 не образуют существующую дату рождения в веке по 7-му разряду"
        default: flag.codes.joined(separator: ", ")
        }
    }
}
