/// The outcome of checking a row's phone number, as a stable code.
public enum CleansingPhoneCheck: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable, CustomStringConvertible {
    /// A Kazakhstan mobile number (normalised to E.164).
    case valid = "VALID"
    /// No phone given.
    case missing = "MISSING"
    /// Not a phone number at all (wrong length, letters).
    case malformed = "MALFORMED"
    /// A number, but not a Kazakhstan mobile (landline, foreign, unknown operator prefix): no SMS possible.
    case notMobile = "NOT_MOBILE"
    /// The same number stands behind many unrelated parents in the file.
    case shared = "SHARED"

    /// The code.
    public var description: String { rawValue }
}
