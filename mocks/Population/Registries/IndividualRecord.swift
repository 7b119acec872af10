public import Identifiers

/// A person as ГБД ФЛ (the state database of individuals) holds them.
///
/// Names are upper-case Cyrillic plus the passport's Latin spelling. ГБД ФЛ is the registry of record
/// for birth date and sex, so an injected defect here is rare (see `DefectRates.individualsDefault`).
public struct IndividualRecord: Sendable, Hashable {
    /// IIN, names, birth date and sex as recorded.
    public let person: RegistryPerson
    /// Latin surname from the identity document.
    public let engSurname: String
    /// Latin first name from the identity document.
    public let engFirstName: String
    /// Nationality (ethnicity).
    public let nationality: Ethnicity
    /// Citizenship, ISO 3166 numeric (`398` = Kazakhstan).
    public let citizenshipCode: String
    /// Life status as recorded.
    public let lifeStatus: LifeStatus
    /// Date of death when `lifeStatus` is `.deceased`.
    public let deathDate: CalendarDate?
    /// Registered address.
    public let address: Address

    /// Creates a record.
    public init(
        person: RegistryPerson, engSurname: String, engFirstName: String, nationality: Ethnicity, citizenshipCode: String,
        lifeStatus: LifeStatus, deathDate: CalendarDate?, address: Address
    ) {
        self.person = person
        self.engSurname = engSurname
        self.engFirstName = engFirstName
        self.nationality = nationality
        self.citizenshipCode = citizenshipCode
        self.lifeStatus = lifeStatus
        self.deathDate = deathDate
        self.address = address
    }
}

/// ГБД ФЛ's life status dictionary (`0` = "Нормальный" is confirmed; `1` for deceased is a mock code).
public enum LifeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case normal = "0"
    case deceased = "1"

    /// Russian name as the dictionary prints it.
    public var nameRu: String { self == .normal ? "Нормальный" : "Умерший" }
    /// Kazakh name.
    public var nameKz: String { self == .normal ? "Қалыпты" : "Қайтыс болған" }
}
