import Foundation
import Identifiers
import NIOCore
import Population

/// The requests of the service benchmark, built from the same seeded population the mocks serve.
///
/// - Registration: genuine living adults whose ГБД ФЛ record has no injected defect, declared with their true
///   names and birth date, each with a distinct phone for the consent SMS → expected MATCH.
/// - Voucher activations: the population's declarations (honest and fraudulent, as typed), one per declared child,
///   in declaration order, each with a ``VoucherExpectation``.
struct ServiceWorkload: Sendable {
    /// One person to verify at registration.
    struct Registrant: Sendable {
        let iin: String
        let phone: String
        let body: ByteBuffer
    }

    /// One voucher activation and what it must answer.
    struct Activation: Sendable {
        let declarationID: String
        let body: ByteBuffer
        let expectation: VoucherExpectation
    }

    /// The programme every activation applies to: period 2025-09-01…2026-05-31, ages 5–17, no sports clearance.
    static let periodStart = CalendarDate(year: 2025, month: 9, day: 1)!
    static let ages = 5...17

    let registrants: [Registrant]
    let activations: [Activation]
    /// Declarations skipped because their child was already declared (the second would be DUPLICATE_VOUCHER).
    let duplicateChildrenSkipped: Int

    /// Builds up to `registrants` registrants and `activations` activations; `runID` makes request ids unique per run.
    init(population: Population, registrants registrantCount: Int, activations activationCount: Int, runID: String) {
        let facts = RegistryFacts(population)
        let reference = population.configuration.referenceDate
        var registrants: [Registrant] = []
        registrants.reserveCapacity(registrantCount)
        for person in population.people where registrants.count < registrantCount {
            guard !person.isDeceased, !person.iinDeviates, person.age(on: reference) >= 18, !facts.individualsDefects.contains(person.iin)
            else { continue }
            let phone = "+7701" + String(1_000_000 + registrants.count).suffix(7)
            var object: [String: String] = [
                "iin": person.iin.unmasked, "surname": person.surname, "firstName": person.firstName, "birthDate": person.birthDate.description,
            ]
            if let patronymic = person.patronymic { object["patronymic"] = patronymic }
            registrants.append(Registrant(iin: person.iin.unmasked, phone: phone, body: Self.json(object)))
        }
        self.registrants = registrants

        var seenChildren = Set<String>()
        var activations: [Activation] = []
        activations.reserveCapacity(activationCount)
        var skipped = 0
        for (declaration, truth) in zip(population.declarations, population.declarationTruth) where activations.count < activationCount {
            guard seenChildren.insert(declaration.childIIN.filter(\.isNumber)).inserted else {
                skipped += 1
                continue
            }
            let expectation = VoucherExpectation.expect(
                declaration, truth: truth, in: population, facts: facts, periodStart: Self.periodStart, ages: Self.ages)
            let body: [String: Any] = [
                "requestId": "bench-\(runID)-\(declaration.id)",
                "programme": [
                    "id": "sport-2025", "region": declaration.region, "periodStart": Self.periodStart.description, "periodEnd": "2026-05-31",
                    "minimumAge": Self.ages.lowerBound, "maximumAge": Self.ages.upperBound,
                ] as [String: Any],
                "section": ["name": declaration.section, "requiresSportsClearance": false] as [String: Any],
                "providerId": declaration.providerID,
                "child": [
                    "iin": declaration.childIIN, "surname": declaration.childSurname, "firstName": declaration.childFirstName,
                    "patronymic": declaration.childPatronymic, "birthDate": declaration.childBirthDate,
                ],
                "parent": [
                    "iin": declaration.parentIIN, "surname": declaration.parentSurname, "firstName": declaration.parentFirstName,
                    "patronymic": declaration.parentPatronymic, "phone": declaration.parentPhone,
                ],
            ]
            activations.append(Activation(declarationID: declaration.id, body: Self.json(body), expectation: expectation))
        }
        self.activations = activations
        duplicateChildrenSkipped = skipped
    }

    static func json(_ object: Any) -> ByteBuffer {
        ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8))
    }
}
