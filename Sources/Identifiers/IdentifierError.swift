/// Why a text is not a valid IIN or BIN: a hard, structural failure with a stable code and a human message.
///
/// Errors carry no heap-allocated payload, so a failed validation allocates nothing. Messages name the
/// position (1-based) that is wrong; `code` is stable for machines (`IIN_CHECKSUM`, `BIN_ENTITY_TYPE`, …).
public struct IdentifierError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The failure without its details, for `switch` and metric labels.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Nothing but blanks was given.
        case empty = "EMPTY"
        /// A character that is neither an ASCII digit nor an ignorable separator.
        case invalidCharacter = "INVALID_CHARACTER"
        /// Not exactly twelve digits.
        case wrongLength = "LENGTH"
        /// Digit 12 differs from the computed check digit.
        case checksum = "CHECKSUM"
        /// Both checksum passes give 10: such a prefix is never issued.
        case notIssuable = "NOT_ISSUABLE"
        /// BIN only: digits 3–4 are not a month 01–12.
        case registrationMonth = "REGISTRATION_MONTH"
        /// BIN only: digits 1–4 name a registration date after the reference date or before 1990.
        case registrationDate = "REGISTRATION_DATE"
        /// BIN only: digit 5 is not 4, 5 or 6.
        case entityType = "ENTITY_TYPE"
        /// BIN only: digit 6 is not 0–3.
        case divisionType = "DIVISION_TYPE"
    }

    @usableFromInline
    enum Code: Sendable, Hashable {
        case empty
        case invalidCharacter(position: Int, scalar: UInt32)
        case wrongLength(count: Int)
        case checksum(computed: UInt8, given: UInt8)
        case notIssuable
        case registrationMonth(month: Int)
        case registrationDate(year: Int, month: Int)
        case entityType(digit: UInt8)
        case divisionType(digit: UInt8)
    }

    /// Which identifier was being validated.
    public let kind: IdentifierKind
    @usableFromInline let detail: Code

    @inlinable
    init(kind: IdentifierKind, code: Code) {
        self.kind = kind
        self.detail = code
    }

    /// The failure without details.
    public var reason: Reason {
        switch detail {
        case .empty: .empty
        case .invalidCharacter: .invalidCharacter
        case .wrongLength: .wrongLength
        case .checksum: .checksum
        case .notIssuable: .notIssuable
        case .registrationMonth: .registrationMonth
        case .registrationDate: .registrationDate
        case .entityType: .entityType
        case .divisionType: .divisionType
        }
    }

    /// Stable machine code, e.g. `IIN_CHECKSUM`, `BIN_DIVISION_TYPE`.
    public var code: String { "\(kind.rawValue)_\(reason.rawValue)" }

    /// Payload-free description for metric labels; the same as `code`.
    public var shortDescription: String { code }

    /// The 1-based position the error is about: the offending character's position in the input for
    /// `invalidCharacter`, otherwise the first digit position concerned (12 for the check digit).
    public var position: Int? {
        switch detail {
        case .invalidCharacter(let position, _): position
        case .checksum: 12
        case .notIssuable: 1
        case .registrationMonth: 3
        case .registrationDate: 1
        case .entityType: 5
        case .divisionType: 6
        case .empty, .wrongLength: nil
        }
    }

    /// Number of digits found, for `wrongLength`.
    public var digitCount: Int? {
        if case .wrongLength(let count) = detail { return count }
        return nil
    }

    /// The computed and the given check digit, for `checksum`.
    public var checkDigits: (computed: Int, given: Int)? {
        if case .checksum(let computed, let given) = detail { return (Int(computed), Int(given)) }
        return nil
    }

    /// The human message in English.
    public var description: String { message(.en) }

    /// A human message naming the position that is wrong.
    public func message(_ language: MessageLanguage) -> String {
        let ru = language == .ru
        let name = switch (kind, ru) {
        case (.iin, false): "IIN"
        case (.iin, true): "ИИН"
        case (.bin, false): "BIN"
        case (.bin, true): "БИН"
        }
        switch detail {
        case .empty:
            return ru ? "\(name) не указан" : "\(name) is empty"
        case .invalidCharacter(let position, let scalar):
            let shown = Unicode.Scalar(scalar).map { Self.printable($0) } ?? Self.unicodeLabel(scalar)
            return ru
                ? "\(name): символ «\(shown)» в позиции \(position) не является цифрой 0–9"
                : "\(name): character '\(shown)' at position \(position) is not a digit 0–9"
        case .wrongLength(let count):
            return ru
                ? "\(name) должен содержать 12 цифр, найдено \(count)"
                : "\(name) must have 12 digits, found \(count)"
        case .checksum(let computed, let given):
            return ru
                ? "\(name): контрольный разряд (позиция 12) равен \(given), по алгоритму должен быть \(computed) — цифра введена с ошибкой"
                : "\(name): check digit (position 12) is \(given) but the algorithm gives \(computed) — a digit is mistyped"
        case .notIssuable:
            return ru
                ? "\(name): разряды 1–11 образуют префикс, который не выдаётся (обе проверки контрольного разряда дают 10)"
                : "\(name): digits 1–11 form a prefix that is never issued (both check-digit passes give 10)"
        case .registrationMonth(let month):
            return ru
                ? "\(name): месяц регистрации в позициях 3–4 равен \(Self.twoDigits(month)), ожидается 01–12"
                : "\(name): registration month at positions 3–4 is \(Self.twoDigits(month)), expected 01–12"
        case .registrationDate(let year, let month):
            return ru
                ? "\(name): дата регистрации в позициях 1–4 (\(Self.twoDigits(year % 100))\(Self.twoDigits(month))) невозможна (в будущем или ранее 1990 года)"
                : "\(name): registration date at positions 1–4 (\(Self.twoDigits(year % 100))\(Self.twoDigits(month))) is impossible (in the future or before 1990)"
        case .entityType(let digit):
            return ru
                ? "\(name): тип субъекта в позиции 5 равен \(digit), ожидается 4, 5 или 6"
                : "\(name): entity type at position 5 is \(digit), expected 4, 5 or 6"
        case .divisionType(let digit):
            return ru
                ? "\(name): признак подразделения в позиции 6 равен \(digit), ожидается 0–3"
                : "\(name): division type at position 6 is \(digit), expected 0–3"
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func printable(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
            ? unicodeLabel(scalar.value)
            : String(Character(scalar))
    }

    private static func unicodeLabel(_ scalar: UInt32) -> String {
        "U+" + String(scalar, radix: 16, uppercase: true)
    }
}
