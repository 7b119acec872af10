/// An individual identification number (ИИН / ЖСН) whose structure and check digit are valid.
///
/// A value of this type is never "invalid": construction throws `IdentifierError` instead. Birth date,
/// gender and century are *plausibility* hints in `plausibility`; since 2013 the digits need not match the
/// person, and the registry's data always wins.
///
/// The IIN is personal data: `description` is masked (`8504******21`); use `unmasked` deliberately.
///
/// ```swift
/// let iin = try IIN(" 850415-300121 ")
/// iin.plausibility.birthDate  // 1985-04-15
/// ```
public struct IIN: Sendable, Hashable, Comparable, CustomStringConvertible {
    @usableFromInline let digits: PackedDigits

    /// Parses what a person typed: blanks and dashes anywhere are ignored, nothing else is guessed.
    ///
    /// - Throws: `IdentifierError` for an empty input, a stray character (with its position), a wrong
    ///   number of digits, a wrong check digit, or a never-issued prefix.
    @inlinable
    public init(_ input: some StringProtocol) throws(IdentifierError) {
        digits = try DigitParser.lenient(input, kind: .iin)
    }

    /// Validates exactly twelve ASCII digits without allocating; for bulk input already split into fields.
    @inlinable @inline(__always)
    public init(asciiDigits bytes: UnsafeBufferPointer<UInt8>) throws(IdentifierError) {
        digits = try DigitParser.strict(bytes, kind: .iin).get()
    }

    /// Validates exactly twelve ASCII digits without allocating or throwing: the bulk hot path, where many
    /// rows are invalid and a returned error is cheaper than a thrown one.
    @inlinable @inline(__always)
    public static func validate(asciiDigits bytes: UnsafeBufferPointer<UInt8>) -> Result<IIN, IdentifierError> {
        DigitParser.strict(bytes, kind: .iin).map(IIN.init(digits:))
    }

    @inlinable
    init(digits: PackedDigits) { self.digits = digits }

    /// The twelve digits as text. Personal data: do not log it.
    public var unmasked: String { digits.text }

    /// The IIN masked for logs and screens: first four and last two digits, `0612******12`.
    public var masked: String {
        let text = digits.text
        return String(text.prefix(4)) + "******" + String(text.suffix(2))
    }

    /// The masked form; an IIN never prints itself in full by accident.
    public var description: String { masked }

    /// The digit at a 1-based position 1…12.
    public func digit(at position: Int) -> Int {
        precondition((1...12).contains(position), "IIN positions are 1…12")
        return Int(digits[position - 1])
    }

    /// What digits 1–7 suggest about the holder, with flags where they cannot be right.
    public var plausibility: IINPlausibility { IINPlausibility(digits) }

    public static func < (lhs: IIN, rhs: IIN) -> Bool { lhs.digits < rhs.digits }

    /// The check-digit outcome for eleven digits, for generators of synthetic IINs.
    ///
    /// - Returns: the twelfth digit, or `nil` when no IIN is issued with this prefix.
    public static func checkDigit(forPrefix prefix: some Collection<UInt8>) -> UInt8? {
        if case .digit(let digit, _) = CheckDigit.compute(prefix) { return digit }
        return nil
    }
}

extension IIN: Codable {
    /// Decodes from the twelve-digit string, validated as by `init(_:)`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    /// Encodes as the twelve-digit string (wire formats need the real value).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(unmasked)
    }
}
