public import Foundation

/// A business identification number (БИН / БСН) whose structure, check digit and coded digits are valid.
///
/// Unlike an IIN, a BIN's coded digits are hard rules: registration month 01–12 and not in the future,
/// entity type 4/5/6 (digit 5), division type 0–3 (digit 6). An entrepreneur in *personal*
/// entrepreneurship has no BIN and is identified by an `IIN`.
public struct BIN: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Digit 5: what kind of subject the BIN identifies.
    public enum EntityType: UInt8, Sendable, Hashable, Codable, CaseIterable {
        /// 4 — resident legal entity.
        case residentLegalEntity = 4
        /// 5 — non-resident legal entity.
        case nonResidentLegalEntity = 5
        /// 6 — individual entrepreneur in joint entrepreneurship (ИП(С)).
        case jointEntrepreneur = 6
    }

    /// Digit 6: which unit of the subject.
    public enum Division: UInt8, Sendable, Hashable, Codable, CaseIterable {
        /// 0 — head unit.
        case headUnit = 0
        /// 1 — branch (филиал).
        case branch = 1
        /// 2 — representative office (представительство).
        case representativeOffice = 2
        /// 3 — peasant/farm enterprise in joint entrepreneurship.
        case farmJointEntrepreneurship = 3
    }

    @usableFromInline let digits: PackedDigits

    /// Year of state registration (1990–2089), from digits 1–2.
    public let registrationYear: Int
    /// Month of state registration, 1…12, from digits 3–4.
    public let registrationMonth: Int
    /// Digit 5.
    public let entityType: EntityType
    /// Digit 6.
    public let division: Division

    /// Parses what a person typed (blanks and dashes ignored) and validates every hard rule.
    ///
    /// - Parameter referenceDate: the day after which a registration month is "in the future"; defaults to
    ///   today in Kazakhstan (UTC+5).
    /// - Throws: `IdentifierError` naming the wrong position.
    public init(_ input: some StringProtocol, asOf referenceDate: CalendarDate? = nil) throws(IdentifierError) {
        let digits = try DigitParser.lenient(input, kind: .bin)
        try self.init(checked: digits, asOf: referenceDate ?? Self.today())
    }

    /// Validates exactly twelve ASCII digits; for bulk input already split into fields.
    public init(asciiDigits bytes: UnsafeBufferPointer<UInt8>, asOf referenceDate: CalendarDate) throws(IdentifierError) {
        let digits = try DigitParser.strict(bytes, kind: .bin).get()
        try self.init(checked: digits, asOf: referenceDate)
    }

    private init(checked digits: PackedDigits, asOf reference: CalendarDate) throws(IdentifierError) {
        let twoDigitYear = digits.number(0, 1)
        let month = digits.number(2, 3)
        guard (1...12).contains(month) else { throw IdentifierError(kind: .bin, code: .registrationMonth(month: month)) }
        // A two-digit year is this century when that is not in the future, else the 1990s; anything else
        // (a future month, or 19xx before 1990) cannot be a registration date.
        let year: Int
        if 2000 + twoDigitYear <= reference.year {
            year = 2000 + twoDigitYear
        } else if twoDigitYear >= 90 {
            year = 1900 + twoDigitYear
        } else {
            throw IdentifierError(kind: .bin, code: .registrationDate(year: 2000 + twoDigitYear, month: month))
        }
        if year == reference.year && month > reference.month {
            throw IdentifierError(kind: .bin, code: .registrationDate(year: year, month: month))
        }
        guard let entityType = EntityType(rawValue: digits[4]) else {
            throw IdentifierError(kind: .bin, code: .entityType(digit: digits[4]))
        }
        guard let division = Division(rawValue: digits[5]) else {
            throw IdentifierError(kind: .bin, code: .divisionType(digit: digits[5]))
        }
        self.digits = digits
        self.registrationYear = year
        self.registrationMonth = month
        self.entityType = entityType
        self.division = division
    }

    /// The twelve digits as text (a BIN is public business data).
    public var text: String { digits.text }

    public var description: String { text }

    public static func < (lhs: BIN, rhs: BIN) -> Bool { lhs.digits < rhs.digits }

    /// Today's date in Kazakhstan (UTC+5 since 1 March 2024).
    public static func today(now: Date = Date()) -> CalendarDate {
        CalendarDate(secondsSince1970: now.timeIntervalSince1970, secondsFromGMT: 5 * 3600)
    }
}

extension BIN: Codable {
    /// Decodes from the twelve-digit string, validated as by `init(_:asOf:)` with today's date.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    /// Encodes as the twelve-digit string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
