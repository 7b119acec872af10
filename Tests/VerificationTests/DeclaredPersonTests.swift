import Identifiers
import Matching
import Normalization
import Testing
import Verification

/// A declared person may carry its fields already prepared for comparison; the verdict must not depend on it.
struct DeclaredPersonTests {
    static let declarations = [
        PersonFields(surname: "Жумабеков", firstName: "Алихан", birthDate: CalendarDate(year: 2015, month: 6, day: 1)),
        PersonFields(surname: "ZHUMABEKOV", firstName: "Alikhan", patronymic: "Серікұлы", birthDate: CalendarDate(year: 2015, month: 6, day: 1)),
        PersonFields(surname: "Жумабекова", firstName: "Алия", birthDate: CalendarDate(year: 2015, month: 1, day: 6)),
        PersonFields(surname: "Иванов", firstName: "Петр", birthDate: CalendarDate(year: 1985, month: 4, day: 15)),
        PersonFields(surname: "123", firstName: nil, birthDate: nil),
        PersonFields(surname: "Жумабеков", firstName: "Алихан", birthDate: nil, gender: .male),
        // With a region the policy compares without it, so the prepared form (which has it) is not used.
        PersonFields(surname: "Жумабеков", firstName: "Алихан", birthDate: CalendarDate(year: 2015, month: 6, day: 1), region: .almaty),
    ]

    @Test("the prepared form gives the same assessment and verdict as preparing the fields anew", arguments: declarations)
    func sameVerdict(fields: PersonFields) {
        let policy = FamilyPolicy()
        let answer = RegistryResult<PersonRecord>.found(Samples.person(Samples.child), evidence: Samples.evidence())
        let plain = DeclaredPerson(iin: Samples.child, fields: fields)
        let prepared = DeclaredPerson(iin: Samples.child, fields: fields, comparisonForm: PreparedPerson(fields))
        #expect(prepared.comparisonForm != nil)
        let (plainAssessment, plainVerdict) = policy.assessPerson(plain, answer)
        let (preparedAssessment, preparedVerdict) = policy.assessPerson(prepared, answer)
        #expect(preparedAssessment == plainAssessment)
        #expect(preparedVerdict.reasons == plainVerdict.reasons)
        #expect(plainAssessment.score != nil)
    }

    @Test("changing the fields drops the prepared form; equality and hashing ignore it")
    func preparedFormFollowsFields() {
        let fields = Self.declarations[0]
        var person = DeclaredPerson(iin: Samples.child, fields: fields, comparisonForm: PreparedPerson(fields))
        #expect(person == DeclaredPerson(iin: Samples.child, fields: fields))
        #expect(person.hashValue == DeclaredPerson(iin: Samples.child, fields: fields).hashValue)
        person.fields.surname = "Другой"
        #expect(person.comparisonForm == nil)
        let answer = RegistryResult<PersonRecord>.found(Samples.person(Samples.child), evidence: Samples.evidence())
        let (assessment, _) = FamilyPolicy().assessPerson(person, answer)
        let (fresh, _) = FamilyPolicy().assessPerson(DeclaredPerson(iin: Samples.child, fields: person.fields), answer)
        #expect(assessment == fresh)
    }
}
