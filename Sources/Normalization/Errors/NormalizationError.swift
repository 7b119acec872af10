public import Identifiers

/// Why a date, phone number or address could not be brought to its canonical form.
///
/// One error type for the whole module: a stable `reason` for `switch` and metric labels (`shortDescription`
/// carries no payload), plus details for the human message. Messages quote as little of the input as
/// possible — the input is personal data.
public struct NormalizationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The failure without its details, for `switch` and metric labels.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Nothing but blanks was given.
        case empty = "EMPTY"
        /// The text is not a date in any accepted format.
        case unrecognizedDate = "DATE_UNRECOGNIZED"
        /// Day-first and month-first readings are both possible and the caller asked for strict parsing.
        case ambiguousDate = "DATE_AMBIGUOUS"
        /// The format is clear but the day does not exist (31.02.2015, month 13).
        case impossibleDate = "DATE_IMPOSSIBLE"
        /// The year lies outside the configured range.
        case yearOutOfRange = "DATE_YEAR_OUT_OF_RANGE"
        /// A character that is neither a digit nor an accepted phone separator.
        case phoneInvalidCharacter = "PHONE_INVALID_CHARACTER"
        /// Too few or too many digits for a Kazakhstan number.
        case phoneLength = "PHONE_LENGTH"
        /// A number outside Kazakhstan (another country code, or a Russian number in zone +7).
        case phoneForeign = "PHONE_FOREIGN"
        /// A Kazakhstan number that is not a mobile one (a landline such as +7 7172 …).
        case phoneNotMobile = "PHONE_NOT_MOBILE"
        /// No region or city of republican significance was recognised in the text.
        case unknownRegion = "REGION_UNKNOWN"
    }

    @usableFromInline
    enum Code: Sendable, Hashable {
        case empty
        case unrecognizedDate
        case ambiguousDate(dayFirst: CalendarDate, other: CalendarDate)
        case impossibleDate(year: Int, month: Int, day: Int)
        case yearOutOfRange(year: Int, accepted: ClosedRange<Int>)
        case phoneInvalidCharacter(position: Int, scalar: UInt32)
        case phoneLength(digits: Int)
        case phoneForeign(countryCode: String)
        case phoneNotMobile(areaCode: String)
        case unknownRegion
    }

    @usableFromInline let detail: Code

    @usableFromInline
    init(_ code: Code) {
        self.detail = code
    }

    // MARK: - Static members

    static let empty = NormalizationError(.empty)
    static let unrecognizedDate = NormalizationError(.unrecognizedDate)
    static let unknownRegion = NormalizationError(.unknownRegion)
    static func ambiguousDate(dayFirst: CalendarDate, other: CalendarDate) -> Self { .init(.ambiguousDate(dayFirst: dayFirst, other: other)) }
    static func impossibleDate(year: Int, month: Int, day: Int) -> Self { .init(.impossibleDate(year: year, month: month, day: day)) }
    static func yearOutOfRange(_ year: Int, accepted: ClosedRange<Int>) -> Self { .init(.yearOutOfRange(year: year, accepted: accepted)) }
    static func phoneInvalidCharacter(position: Int, scalar: Unicode.Scalar) -> Self {
        .init(.phoneInvalidCharacter(position: position, scalar: scalar.value))
    }
    static func phoneLength(digits: Int) -> Self { .init(.phoneLength(digits: digits)) }
    static func phoneForeign(countryCode: String) -> Self { .init(.phoneForeign(countryCode: countryCode)) }
    static func phoneNotMobile(areaCode: String) -> Self { .init(.phoneNotMobile(areaCode: areaCode)) }

    // MARK: - Accessors

    /// The failure without details.
    public var reason: Reason {
        switch detail {
        case .empty: .empty
        case .unrecognizedDate: .unrecognizedDate
        case .ambiguousDate: .ambiguousDate
        case .impossibleDate: .impossibleDate
        case .yearOutOfRange: .yearOutOfRange
        case .phoneInvalidCharacter: .phoneInvalidCharacter
        case .phoneLength: .phoneLength
        case .phoneForeign: .phoneForeign
        case .phoneNotMobile: .phoneNotMobile
        case .unknownRegion: .unknownRegion
        }
    }

    /// Stable machine code, e.g. `DATE_AMBIGUOUS`, `PHONE_NOT_MOBILE`.
    public var code: String { reason.rawValue }

    /// Payload-free description for metric labels; the same as `code`.
    public var shortDescription: String { code }

    /// Both readings of an ambiguous date, for `ambiguousDate`: day first, and the other one (month first,
    /// or year first for a six-digit compact date).
    public var ambiguousReadings: (dayFirst: CalendarDate, other: CalendarDate)? {
        if case .ambiguousDate(let dayFirst, let other) = detail { return (dayFirst, other) }
        return nil
    }

    /// The 1-based position of the offending character, for `phoneInvalidCharacter`.
    public var position: Int? {
        if case .phoneInvalidCharacter(let position, _) = detail { return position }
        return nil
    }

    /// The human message in English.
    public var description: String { message(.en) }

    /// A human message saying what is wrong.
    public func message(_ language: MessageLanguage) -> String {
        let ru = language == .ru
        switch detail {
        case .empty:
            return ru ? "значение не указано" : "the value is empty"
        case .unrecognizedDate:
            return ru
                ? "дата не распознана: ожидается дд.ММ.гггг, гггг-ММ-дд, д/М/гг, ддММгггг или «15 апреля 2015»"
                : "not a date: expected dd.MM.yyyy, yyyy-MM-dd, d/M/yy, ddMMyyyy or \"15 April 2015\""
        case .ambiguousDate(let dayFirst, let other):
            return ru
                ? "дата неоднозначна: \(dayFirst) (день первым) или \(other)"
                : "ambiguous date: \(dayFirst) (day first) or \(other)"
        case .impossibleDate(let year, let month, let day):
            return ru
                ? "такой даты нет: день \(day), месяц \(month), год \(year)"
                : "no such date: day \(day), month \(month), year \(year)"
        case .yearOutOfRange(let year, let accepted):
            return ru
                ? "год \(year) вне допустимого диапазона \(accepted.lowerBound)–\(accepted.upperBound)"
                : "year \(year) outside the accepted range \(accepted.lowerBound)–\(accepted.upperBound)"
        case .phoneInvalidCharacter(let position, _):
            return ru
                ? "телефон: недопустимый символ в позиции \(position)"
                : "phone: invalid character at position \(position)"
        case .phoneLength(let digits):
            return ru
                ? "телефон: \(digits) цифр — это не номер Казахстана (+7 и 10 цифр)"
                : "phone: \(digits) digits is not a Kazakhstan number (+7 and 10 digits)"
        case .phoneForeign(let countryCode):
            return ru
                ? "телефон: номер не казахстанский (код \(countryCode))"
                : "phone: not a Kazakhstan number (code \(countryCode))"
        case .phoneNotMobile(let areaCode):
            return ru
                ? "телефон: код \(areaCode) не является кодом мобильного оператора Казахстана"
                : "phone: code \(areaCode) is not a Kazakhstan mobile operator code"
        case .unknownRegion:
            return ru ? "область или город республиканского значения не распознаны" : "no region or city of republican significance recognised"
        }
    }
}
