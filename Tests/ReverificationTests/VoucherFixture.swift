import Foundation
import Identifiers
import Normalization
import Population
import Reverification
import Storage
import Verification

/// Activates vouchers for a population's fraud-free declarations the way the voucher gate does (same collector, same
/// policy), and stores each voucher with its re-verification subject.
struct VoucherFixture {
    /// One activated voucher and the truth behind it.
    struct Activated: Sendable {
        var voucherID: String
        var child: IIN
        var provider: String
        var coaches: [String]
    }

    let population: Population
    let store: SQLiteGatewayStore
    /// Coaches each provider lists: its own educator when НОБД has one, plus the shared coaches of `events`.
    let coaches: [String: [String]]

    init(population: Population, store: SQLiteGatewayStore, events: PopulationEvents) {
        self.population = population
        self.store = store
        var coaches: [String: [String]] = [:]
        for educator in population.education.educators where coaches[educator.employer.digits] == nil {
            coaches[educator.employer.digits] = [educator.person.iin.unmasked]
        }
        for event in events.events(.sharedCoach) {
            guard let coach = event.coachIIN?.unmasked else { continue }
            for provider in event.providers where !(coaches[provider] ?? []).contains(coach) { coaches[provider, default: []].append(coach) }
        }
        self.coaches = coaches
    }

    /// The programme period: from the population's reference date for nine months.
    var periodStart: CalendarDate { population.configuration.referenceDate }

    /// Runs the gate over every fraud-free declaration against `checker` (registry calls 16 declarations at a time)
    /// and stores the ACTIVATE outcomes in declaration order.
    func activate(with checker: ReverificationChecker) async throws -> [Activated] {
        let start = periodStart
        let end = CalendarDate(year: start.year + 1, month: 5, day: 31)!
        var candidates: [(index: Int, subject: ReverificationSubject)] = []
        for (index, (declaration, truth)) in zip(population.declarations, population.declarationTruth).enumerated() {
            guard truth.fraud == nil, let kato = truth.childRegionKATO, let region = AdministrativeRegion(kato: kato) else { continue }
            let provider = declaration.providerID.filter(\.isNumber)
            candidates.append((index, ReverificationSubject(
                voucherID: String(format: "vch_%06d", index), decisionID: String(format: "dec_%06d", index),
                programme: VoucherProgramme(id: "sport-test", region: region, periodStart: start, periodEnd: end), providerID: provider,
                section: VoucherSection(name: declaration.section, type: .sport),
                child: .init(
                    iin: declaration.childIIN, surname: declaration.childSurname, firstName: declaration.childFirstName,
                    patronymic: declaration.childPatronymic, birthDate: declaration.childBirthDate),
                parent: .init(
                    iin: declaration.parentIIN, surname: declaration.parentSurname, firstName: declaration.parentFirstName,
                    patronymic: declaration.parentPatronymic, phone: declaration.parentPhone),
                coachIINs: coaches[provider] ?? [])))
        }
        let subjects = candidates.map(\.subject)
        let gathered = await withTaskGroup(of: (Int, ReverificationEvidence).self) { group in
            var evidence = [ReverificationEvidence?](repeating: nil, count: subjects.count)
            var next = 0
            while next < min(16, subjects.count) {
                let position = next
                group.addTask { (position, await checker.gather(subjects[position], within: .after(.seconds(60)))) }
                next += 1
            }
            while let (position, answer) = await group.next() {
                evidence[position] = answer
                if next < subjects.count {
                    let position = next
                    group.addTask { (position, await checker.gather(subjects[position], within: .after(.seconds(60)))) }
                    next += 1
                }
            }
            return evidence
        }
        let policy = VoucherActivationPolicy()
        var activated: [Activated] = []
        for (position, candidate) in candidates.enumerated() {
            var subject = candidate.subject
            guard let evidence = gathered[position]?.activation, let child = try? IIN(subject.child.iin) else { continue }
            let assessment = policy.assess(subject.declaration, programme: subject.programme, requiresSportsClearance: false, evidence: evidence)
            guard assessment.decision == .activate else { continue }
            subject.activationReasons = assessment.reasons.map(\.rawValue)
            let childKey = store.personalData.subjectKey(for: child)
            let now = Date()
            let outcome = try await store.record(DecisionWrite(
                decision: StoredDecision(
                    id: subject.decisionID, kind: .voucherActivation, outcome: "ACTIVATE", reasonCodes: subject.activationReasons, subjects: [childKey],
                    clientRequestID: "fixture-\(candidate.index)", createdAt: now, payload: Data("{}".utf8)),
                voucher: VoucherRecord(
                    id: subject.voucherID, child: childKey, programmeID: "sport-test", periodStart: start, periodEnd: end, decisionID: subject.decisionID,
                    activatedAt: now),
                audit: AuditDraft(actor: "test", action: "voucher.activated", subjectID: subject.decisionID)))
            guard case .recorded = outcome else { continue }  // the same child twice: one voucher per period
            try await store.saveVoucherSubject(VoucherSubjectRecord(voucherID: subject.voucherID, activatedAt: now, payload: try subject.encoded()))
            activated.append(Activated(voucherID: subject.voucherID, child: child, provider: subject.providerID, coaches: subject.coachIINs))
        }
        return activated
    }
}
