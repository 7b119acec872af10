import Identifiers
import Normalization
public import Verification

/// What a registry says about a person, masked as policy requires: IIN `0612******12`, names by first letter,
/// birth year only, sex, life status, region.
public struct MaskedPerson: Sendable, Codable, Hashable {
    /// Masked IIN.
    public var iin: String
    /// First letter of the surname + `***`.
    public var surname: String
    /// First letter of the first name + `***`.
    public var firstName: String
    /// First letter of the patronymic + `***`, when any.
    public var patronymic: String?
    /// Birth year.
    public var birthYear: Int?
    /// `M` or `F`.
    public var gender: String?
    /// `alive` or `deceased`.
    public var lifeStatus: String
    /// Region КАТО of the registered address.
    public var regionKATO: String?

    /// Masks a registry record.
    public init(_ record: PersonRecord) {
        func initial(_ text: String) -> String { text.first.map { String($0) + "***" } ?? "" }
        iin = record.iin.masked
        surname = initial(record.surname)
        firstName = initial(record.firstName)
        patronymic = record.patronymic.map(initial)
        birthYear = record.birthDate?.year
        gender = record.gender.map { $0 == .male ? "M" : "F" }
        lifeStatus = record.isDeceased ? "deceased" : "alive"
        regionKATO = record.registeredAddress?.region?.kato
    }
}
