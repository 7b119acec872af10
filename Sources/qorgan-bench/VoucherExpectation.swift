import Identifiers
import Population

/// What the ground truth says the voucher gate must answer for one declaration — computed from the population's
/// truth and the registries' contents, never from the gateway's own code.
///
/// - Fraud: a non-existent child IIN, a deceased child or a wrong region must be REJECTed; someone else's child
///   must not activate (REJECT when a birth record names another parent, REVIEW when there is no birth record).
/// - Honest: ACTIVATE, unless the registries state a reason not to: the child or parent missing from ГБД ФЛ, the
///   child's age on the period start outside the programme's range, or a non-operating provider (REJECT); a child
///   of school age (7–17) without a `STUDYING` enrolment in НОБД (REVIEW). A REJECT reason outweighs a REVIEW one.
struct VoucherExpectation: Sendable, Hashable {
    /// The decisions counted as correct.
    let allowed: Set<String>
    /// Why, in a few words (groups the report).
    let basis: String

    /// The expectation for `declaration` under a programme starting `periodStart` for ages `ages` (no sports clearance).
    static func expect(
        _ declaration: Declaration, truth: DeclarationTruth, in population: Population, facts: RegistryFacts, periodStart: CalendarDate,
        ages: ClosedRange<Int>
    ) -> VoucherExpectation {
        if let fraud = truth.fraud {
            switch fraud {
            case .someoneElsesChild: return VoucherExpectation(allowed: ["REJECT", "REVIEW"], basis: "fraud \(fraud.rawValue)")
            case .nonExistentIIN, .deceasedChild, .wrongRegion: return VoucherExpectation(allowed: ["REJECT"], basis: "fraud \(fraud.rawValue)")
            }
        }
        var rejects: [String] = []
        var reviews: [String] = []
        if let childIIN = truth.childIIN, let child = population.person(childIIN) {
            if facts.missingFromIndividuals.contains(childIIN) { rejects.append("child not in ГБД ФЛ") }
            let age = child.age(on: periodStart)
            if !ages.contains(age) { rejects.append("age \(age)") }
            if (7...17).contains(age), population.education.student(childIIN)?.status != .studying { reviews.append("not enrolled") }
        } else {
            rejects.append("child unknown")
        }
        if facts.missingFromIndividuals.contains(truth.parentIIN) { rejects.append("parent not in ГБД ФЛ") }
        if !facts.providerOperates(declaration.providerID, in: population) { rejects.append("provider not operating") }
        if !rejects.isEmpty { return VoucherExpectation(allowed: ["REJECT"], basis: "honest, " + rejects.joined(separator: ", ")) }
        if !reviews.isEmpty { return VoucherExpectation(allowed: ["REVIEW"], basis: "honest, " + reviews.joined(separator: ", ")) }
        return VoucherExpectation(allowed: ["ACTIVATE"], basis: "honest")
    }
}

/// Registry facts the expectations need, indexed once.
struct RegistryFacts: Sendable {
    /// IINs ГБД ФЛ has no record of (injected `MISSING_RECORD` defects).
    let missingFromIndividuals: Set<IIN>
    /// IINs with any injected ГБД ФЛ defect (names, dates, missing).
    let individualsDefects: Set<IIN>

    /// Indexes `population`'s defects.
    init(_ population: Population) {
        let individuals = population.defects.filter { $0.registry == .individuals }
        missingFromIndividuals = Set(individuals.filter { $0.kind == .missingRecord }.map(\.iin))
        individualsDefects = Set(individuals.map(\.iin))
    }

    /// Whether ГБД ЮЛ lists the provider (BIN or entrepreneur's IIN) as active.
    func providerOperates(_ providerID: String, in population: Population) -> Bool {
        let digits = providerID.filter(\.isNumber)
        if let bin = try? BIN(digits), let entity = population.business.legalEntity(bin) { return entity.status == .active }
        if let iin = try? IIN(digits), let holder = population.business.entrepreneur(iin) { return holder.status == .active }
        return false
    }
}
