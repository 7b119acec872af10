import Normalization
import Verification

/// A typed phone number checked for SMS: a Kazakhstan mobile number, missing, malformed, or a number that cannot
/// take an SMS (landline, foreign). Internal.
struct PhoneReading: Sendable, Hashable {
    /// The number when it is a Kazakhstan mobile.
    let phone: PhoneNumber?
    /// E.164 when it parsed, otherwise as typed (trimmed); `""` when missing.
    let text: String
    /// The check.
    let check: CleansingPhoneCheck
    /// The reason code for anything but a valid phone: `PHONE_MISSING` or the normalisation code
    /// (`PHONE_LENGTH`, `PHONE_INVALID_CHARACTER`, `PHONE_FOREIGN`, `PHONE_NOT_MOBILE`).
    let reason: String?

    init(_ typed: String?) {
        guard let text = NormalizedParentRow.trimmed(typed) else {
            self.init(phone: nil, text: "", check: .missing, reason: ReasonCode.phoneMissing.rawValue)
            return
        }
        do {
            let phone = try PhoneNumber(text)
            self.init(phone: phone, text: phone.e164, check: .valid, reason: nil)
        } catch {
            switch error.reason {
            case .empty: self.init(phone: nil, text: text, check: .missing, reason: ReasonCode.phoneMissing.rawValue)
            case .phoneForeign, .phoneNotMobile: self.init(phone: nil, text: text, check: .notMobile, reason: error.code)
            default: self.init(phone: nil, text: text, check: .malformed, reason: error.code)
            }
        }
    }

    private init(phone: PhoneNumber?, text: String, check: CleansingPhoneCheck, reason: String?) {
        self.phone = phone
        self.text = text
        self.check = check
        self.reason = reason
    }
}
