import Identifiers
import Matching

extension ProviderQualificationPolicy {
    /// The results about one declared coach: `COACH_IDENTITY`, `COACH_ALIVE`, `COACH_DIPLOMA`, `COACH_CATEGORY` and,
    /// for sport, `COACH_HEALTH_CLEARANCE`. A coach whose IIN fails the local checks gets only a FAILED
    /// `COACH_IDENTITY` with the `IIN_*` code (nothing was asked about them).
    func coachResults(
        index: Int, declared: DeclaredPerson, evidence: ProviderCoachEvidence?, section: ProviderSectionType, on date: CalendarDate
    ) -> [ProviderRequirementResult] {
        if let error = declared.iinError {
            return [
                ProviderRequirementResult(
                    requirement: .coachIdentity, subject: .coach(index, nil), status: .failed, reason: ReasonCode(rawValue: error.code))
            ]
        }
        let subject = ProviderRequirementSubject.coach(index, declared.iin?.masked)
        let collected = evidence.flatMap { $0.iin == declared.iin ? $0 : nil }
        let person = collected?.person ?? Self.notCollected()
        let qualification = collected?.qualification ?? Self.notCollected()

        var identityOutcome = ProviderRequirementOutcome()
        identity(
            declared.fields, person, notFound: .coachNotFound, mismatch: .coachIdentityMismatch, uncertain: .coachIdentityUncertain,
            deceased: nil, into: &identityOutcome)

        var aliveOutcome = ProviderRequirementOutcome()
        if aliveOutcome.answered(person, notFound: .coachNotFound), let record = person.record, record.isDeceased {
            aliveOutcome.fail(.coachDeceased)
        }

        var diplomaOutcome = ProviderRequirementOutcome()
        if diplomaOutcome.answered(qualification, notFound: .coachNotInEducationRegistry), let record = qualification.record,
            specialties.relevantDiploma(among: record.diplomas, for: section) == nil
        {
            diplomaOutcome.fail(.coachDiplomaMissing)
        }

        var categoryOutcome = ProviderRequirementOutcome()
        if categoryOutcome.answered(qualification, notFound: .coachNotInEducationRegistry), let record = qualification.record {
            if let category = record.category, !noCategoryCodes.contains(category.value.code.uppercased()) {
                if !category.isValid(on: date) { categoryOutcome.fail(.coachCategoryExpired) }
            } else {
                categoryOutcome.fail(.coachCategoryMissing)
            }
        }

        var results = [
            identityOutcome.result(.coachIdentity, subject),
            aliveOutcome.result(.coachAlive, subject),
            diplomaOutcome.result(.coachDiploma, subject),
            categoryOutcome.result(.coachCategory, subject),
        ]
        if section.requiresHealthClearance {
            let health = collected?.health ?? Self.notCollected()
            var clearanceOutcome = ProviderRequirementOutcome()
            // A health registry with no record of the person states that there is no clearance either.
            if clearanceOutcome.answered(health, notFound: .coachClearanceMissing), let facts = health.record, facts.validClearance(on: date) == nil {
                clearanceOutcome.fail(.coachClearanceMissing)
            }
            results.append(clearanceOutcome.result(.coachHealthClearance, subject))
        }
        return results
    }
}
