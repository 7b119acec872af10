import Identifiers
import Normalization
import Reverification
import Testing
import Verification

/// The new decision on an active voucher from fresh evidence.
struct ReverificationPolicyTests {
    let policy = ReverificationPolicy()

    @Test func unchangedFactsStayOK() {
        let decided = policy.assess(ReverificationSamples.subject(), evidence: ReverificationSamples.evidence())
        #expect(decided.outcome == .ok)
        #expect(decided.reasons.isEmpty)
        #expect(decided.changes.isEmpty)
    }

    @Test func deathMoveAndLiquidationSuggestSuspension() {
        let died = policy.assess(ReverificationSamples.subject(), evidence: ReverificationSamples.evidence(childDeceased: true))
        #expect(died.outcome == .suspendSuggested)
        #expect(died.reasons == [.personDeceased])
        #expect(died.changes == [FactChange(fact: "child.lifeStatus", reason: "PERSON_DECEASED", now: "DECEASED", registry: .individuals, messageId: "i-child")])

        let moved = policy.assess(ReverificationSamples.subject(), evidence: ReverificationSamples.evidence(childRegion: .astana))
        #expect(moved.outcome == .suspendSuggested)
        #expect(moved.changes.first?.now == AdministrativeRegion.astana.kato)

        let liquidated = policy.assess(
            ReverificationSamples.subject(),
            evidence: ReverificationSamples.evidence(provider: .found(.liquidated, evidence: ReverificationSamples.answer(.business, "b-2"))))
        #expect(liquidated.outcome == .suspendSuggested)
        #expect(liquidated.changes.first == FactChange(fact: "provider.status", reason: "PROVIDER_INACTIVE", now: "LIQUIDATED", registry: .business, messageId: "b-2"))
    }

    @Test func expulsionGoesToReview() {
        let expelled = StudentEnrolment(pupil: PersonReference(iin: ReverificationSamples.child), school: Institution(), status: .expelled)
        let decided = policy.assess(
            ReverificationSamples.subject(),
            evidence: ReverificationSamples.evidence(enrolment: .found(expelled, evidence: ReverificationSamples.answer(.education, "e-2"))))
        #expect(decided.outcome == .review)
        #expect(decided.reasons == [.notEnrolled])
        #expect(decided.changes.first?.now == "EXPELLED")
    }

    @Test func anUnavailableRegistryIsReviewNeverOKAndNeverDead() {
        let down = policy.assess(ReverificationSamples.subject(), evidence: ReverificationSamples.evidence(individualsDown: true))
        #expect(down.outcome == .review)
        #expect(down.reasons == [.registryUnavailable])
        #expect(!down.reasons.contains(.personDeceased) && !down.reasons.contains(.personNotFound))
        #expect(down.changes.first?.now == "individuals")

        // Health down for a section without a clearance: the voucher gate would pass, re-verification must not.
        let healthDown = policy.assess(ReverificationSamples.subject(), evidence: ReverificationSamples.evidence(health: .unavailable(.connection)))
        #expect(healthDown.outcome == .review)
        #expect(healthDown.reasons == [.registryUnavailable])
        #expect(healthDown.changes.first?.now == "health")
    }

    @Test func reasonsTheActivationCarriedAreNotChanges() {
        let expelled = StudentEnrolment(pupil: PersonReference(iin: ReverificationSamples.child), school: Institution(), status: .expelled)
        let evidence = ReverificationSamples.evidence(enrolment: .found(expelled, evidence: ReverificationSamples.answer(.education, "e-2")))
        let accepted = policy.assess(ReverificationSamples.subject(activationReasons: ["NOT_ENROLLED"]), evidence: evidence)
        #expect(accepted.outcome == .ok)
    }

    @Test func aLostPriorityCategoryIsListedButStaysOK() {
        let decided = policy.assess(ReverificationSamples.subject(activationReasons: ["PRIORITY_DISABILITY"]), evidence: ReverificationSamples.evidence())
        #expect(decided.outcome == .ok)
        #expect(decided.changes == [FactChange(fact: "child.healthCategory", reason: "PRIORITY_DISABILITY", now: "REMOVED", registry: .health)])
    }
}
