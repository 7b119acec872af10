import Foundation
import Identifiers
import Matching
import Normalization

/// One input row brought to canonical form: the checked IIN, display names, the birth date, the phone check, the
/// region and the child's IIN — everything the pipeline decides on and writes back. Internal; personal data.
struct NormalizedParentRow: Sendable {
    /// The IIN when it passed the local check.
    let iin: IIN?
    /// Why it failed, when it did.
    let iinError: IdentifierError?
    /// The IIN for the output: twelve digits when it parsed, otherwise as typed (trimmed).
    let iinText: String
    /// Names as typed, trimmed; `nil` when blank or the column is absent.
    let surname: String?
    let firstName: String?
    let patronymic: String?
    /// Display canonical forms (`""` when missing).
    let surnameCanonical: String
    let firstNameCanonical: String
    let patronymicCanonical: String
    /// The birth date when it was given and read.
    let birthDate: CalendarDate?
    /// ``personFields`` prepared for the match model.
    let comparisonForm: PreparedPerson
    /// The birth date as typed (trimmed) when it could not be read.
    let unreadableBirthDate: String?
    /// The phone when it is a Kazakhstan mobile number.
    let phone: PhoneNumber?
    /// The phone for the output: E.164 when it parsed, otherwise as typed (trimmed).
    let phoneText: String
    /// The phone check and the reason code it carries (`nil` for a valid phone).
    let phoneCheck: CleansingPhoneCheck
    let phoneReason: String?
    /// The region's Russian name when recognised, otherwise as typed (trimmed).
    let regionText: String
    /// Whether a region was typed but not recognised.
    let regionUnrecognised: Bool
    /// The child's IIN: twelve digits when valid, otherwise as typed (trimmed).
    let childIINText: String
    /// Whether a child IIN was typed and fails the local check.
    let childIINInvalid: Bool

    init(_ row: CleansingInputRow, dateParser: DateParser) {
        let typedIIN = Self.trimmed(row.iin) ?? ""
        do {
            let parsed = try IIN(typedIIN)
            iin = parsed
            iinError = nil
            iinText = parsed.unmasked
        } catch {
            iin = nil
            iinError = error
            iinText = typedIIN
        }

        surname = Self.trimmed(row.surname)
        firstName = Self.trimmed(row.firstName)
        patronymic = Self.trimmed(row.patronymic)

        if let text = Self.trimmed(row.birthDate) {
            if let date = try? dateParser.parse(text) {
                birthDate = date
                unreadableBirthDate = nil
            } else {
                birthDate = nil
                unreadableBirthDate = text
            }
        } else {
            birthDate = nil
            unreadableBirthDate = nil
        }

        // Each name is normalised once: the comparison form carries the display canonical too (a name without
        // letters has no comparison form but still a canonical text).
        let prepared = PreparedPerson(PersonFields(surname: surname, firstName: firstName, patronymic: patronymic, birthDate: birthDate))
        comparisonForm = prepared
        surnameCanonical = prepared.surname?.canonical ?? surname.map(NameNormalizer.canonical) ?? ""
        firstNameCanonical = prepared.firstName?.canonical ?? firstName.map(NameNormalizer.canonical) ?? ""
        patronymicCanonical = prepared.patronymic?.canonical ?? patronymic.map(NameNormalizer.canonical) ?? ""

        let phoneReading = PhoneReading(row.phone)
        phone = phoneReading.phone
        phoneText = phoneReading.text
        phoneCheck = phoneReading.check
        phoneReason = phoneReading.reason

        if let text = Self.trimmed(row.region) {
            if let region = Self.region(text) {
                regionText = region.nameRu
                regionUnrecognised = false
            } else {
                regionText = text
                regionUnrecognised = true
            }
        } else {
            regionText = ""
            regionUnrecognised = false
        }

        if let text = Self.trimmed(row.childIIN) {
            if let child = try? IIN(text) {
                childIINText = child.unmasked
                childIINInvalid = false
            } else {
                childIINText = text
                childIINInvalid = true
            }
        } else {
            childIINText = ""
            childIINInvalid = false
        }
    }

    /// The fields the match model compares (names raw — the model normalises them — and the birth date).
    var personFields: PersonFields {
        PersonFields(surname: surname, firstName: firstName, patronymic: patronymic, birthDate: birthDate)
    }

    /// `nil` for a missing column or a blank value, else the value without surrounding blanks.
    static func trimmed(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingBlanks()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A region from a name (any language, old names) or a КАТО code.
    static func region(_ text: String) -> AdministrativeRegion? {
        if text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) { return AdministrativeRegion(kato: text) }
        return try? AdministrativeRegion.recognize(text)
    }
}
