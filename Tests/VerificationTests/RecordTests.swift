import Identifiers
import Matching
import Normalization
import Testing
import Verification

struct RecordTests {
    @Test("registry dates parse yyyy-MM-dd and ignore a time part", arguments: [
        ("2015-06-01", CalendarDate(year: 2015, month: 6, day: 1)),
        ("2015-06-01T00:00:00+05:00", CalendarDate(year: 2015, month: 6, day: 1)),
        ("2015-02-30", nil),
        ("01.06.2015", nil),
        ("", nil),
    ])
    func registryDates(text: String, expected: CalendarDate?) {
        #expect(CalendarDate(registryText: text) == expected)
    }

    @Test("a birth act links mother and legal father, not a father on the mother's statement")
    func links() {
        let mother = try! IIN("850415300121")
        let father = try! IIN("791102401577")
        var act = BirthRecord(
            actNumber: "1", child: PersonReference(iin: Samples.child), mother: PersonReference(iin: mother),
            father: PersonReference(iin: father), fatherBasis: .marriage)
        #expect(act.links(parent: mother, child: Samples.child))
        #expect(act.links(parent: father, child: Samples.child))
        #expect(!act.links(parent: mother, child: father))
        act.fatherBasis = .motherStatement
        #expect(!act.links(parent: father, child: Samples.child))
        act.status = .cancelled
        #expect(!act.links(parent: mother, child: Samples.child))
    }

    @Test("a person record exposes the fields matching compares")
    func personFields() {
        var person = Samples.person(Samples.child)
        person.registeredAddress = RegisteredAddress(katoCode: "751410000", region: AdministrativeRegion(kato: "751410000"))
        let fields = person.personFields
        #expect(fields.surname == "ЖҰМАБЕКОВ")
        #expect(fields.region == AdministrativeRegion(kato: "750000000"))
        #expect(!person.isDeceased)
        person.lifeStatus = .deceased
        #expect(person.isDeceased)
    }

    @Test("a clearance counts only when admitted and within its validity")
    func clearance() {
        let day = CalendarDate(year: 2025, month: 3, day: 1)!
        let facts = HealthFacts(
            patient: PersonReference(iin: Samples.child),
            sportsClearances: [
                SportsClearance(clearanceId: "a", issuedOn: CalendarDate(year: 2024, month: 1, day: 1), validUntil: CalendarDate(year: 2024, month: 12, day: 31), admitted: true),
                SportsClearance(clearanceId: "b", issuedOn: CalendarDate(year: 2025, month: 1, day: 1), validUntil: CalendarDate(year: 2025, month: 12, day: 31), admitted: false),
                SportsClearance(clearanceId: "c", issuedOn: CalendarDate(year: 2025, month: 2, day: 1), validUntil: CalendarDate(year: 2026, month: 1, day: 31), admitted: true),
            ])
        #expect(facts.validClearance(on: day)?.clearanceId == "c")
    }
}
