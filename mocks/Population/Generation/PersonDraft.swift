import Identifiers

/// A person before identifiers and organisations are assigned; links are indexes into the population.
struct PersonDraft: Sendable {
    var surname: String
    var firstName: String
    var patronymic: String?
    var engSurname: String
    var engFirstName: String
    var birthDate: CalendarDate
    var gender: Gender
    var ethnicity: Ethnicity
    var householdID: Int
    var address: Address
    var phone: String?
    var deathDate: CalendarDate?
    /// Index of the mother in the population, or -1.
    var mother: Int
    /// Index of the father in the population, or -1.
    var father: Int
}
