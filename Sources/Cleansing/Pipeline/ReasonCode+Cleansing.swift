public import Verification

// MARK: - Reason codes the cleansing pipeline adds

extension ReasonCode {
    /// The row repeats an earlier row: same IIN, same names (`DUPLICATE`).
    public static let duplicateRow = ReasonCode(rawValue: "DUPLICATE_ROW")
    /// The row describes the same person as an earlier row under spelling variants or a mistyped IIN (`DUPLICATE`).
    public static let duplicatePerson = ReasonCode(rawValue: "DUPLICATE_PERSON")
    /// The row's IIN appears on an earlier row under another person's names (`DUPLICATE`).
    public static let duplicateIINOtherName = ReasonCode(rawValue: "DUPLICATE_IIN_OTHER_NAME")
    /// The row's mobile number stands behind many unrelated parents in the file (phone check `SHARED`).
    public static let phoneShared = ReasonCode(rawValue: "PHONE_SHARED")
    /// The row has no phone number (phone check `MISSING`).
    public static let phoneMissing = ReasonCode(rawValue: "PHONE_MISSING")
    /// The row's child IIN fails the local check (informational; the parent's decision does not depend on it).
    public static let childIINInvalid = ReasonCode(rawValue: "CHILD_IIN_INVALID")
}
