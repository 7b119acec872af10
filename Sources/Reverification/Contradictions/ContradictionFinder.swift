public import Identifiers
import Verification

/// Finds cross-registry contradictions in one voucher's evidence. Only registry statements count: an unavailable
/// registry never makes (or hides) a contradiction.
public struct ContradictionFinder: Sendable {
    /// Ages (on the check day) at which a child should be both in НОБД and in health. Default 7…17.
    public var schoolAges: ClosedRange<Int>

    /// Creates a finder.
    public init(schoolAges: ClosedRange<Int> = 7...17) {
        self.schoolAges = schoolAges
    }

    /// The contradictions `evidence` shows, checked on `day`.
    public func find(_ evidence: ReverificationEvidence, on day: CalendarDate) -> [Contradiction] {
        guard let activation = evidence.activation else { return [] }
        var found: [Contradiction] = []
        let child = activation.family.child
        let enrolment = activation.enrolment
        let health = activation.family.health
        if case .found(let record, let childEvidence) = child, record.isDeceased {
            var elsewhere: [(RegistryName, String, String)] = []
            if case .found(let pupil, let evidence) = enrolment, pupil.status == .studying {
                elsewhere.append((.education, "STUDYING", evidence.messageId))
            }
            if case .found(let facts, let evidence)? = health, let attachment = facts.attachment, attachment.attachedTo == nil {
                elsewhere.append((.health, "ATTACHED", evidence.messageId))
            }
            if !elsewhere.isEmpty {
                found.append(Contradiction(
                    kind: .deceasedButActiveElsewhere, registries: [.individuals] + elsewhere.map(\.0),
                    detail: (["individuals=DECEASED"] + elsewhere.map { "\($0.0)=\($0.1)" }).joined(separator: " "),
                    messageIds: [childEvidence.messageId] + elsewhere.map(\.2)))
            }
        }
        if let birthDate = child.record?.birthDate, schoolAges.contains(birthDate.years(until: day)), child.record?.isDeceased == false {
            switch (enrolment, health) {
            case (.notFound(let education), .found(_, let healthEvidence)?):
                found.append(Contradiction(
                    kind: .inHealthNotInEducation, registries: [.health, .education], detail: "health=FOUND education=NOT_FOUND",
                    messageIds: [healthEvidence.messageId, education.messageId]))
            case (.found(_, let education), .notFound(let healthEvidence)?):
                found.append(Contradiction(
                    kind: .inEducationNotInHealth, registries: [.education, .health], detail: "education=FOUND health=NOT_FOUND",
                    messageIds: [education.messageId, healthEvidence.messageId]))
            default: break
            }
        }
        if case .found(let pupil, let education) = enrolment, pupil.status == .studying, !pupil.concurrentSchools.isEmpty {
            found.append(Contradiction(
                kind: .enrolledInTwoSchools, registries: [.education], detail: "education=STUDYING schools=\(1 + pupil.concurrentSchools.count)",
                messageIds: [education.messageId]))
        }
        for (_, result) in evidence.birthRecordParents.sorted(by: { $0.key < $1.key }) {
            if case .notFound(let answer) = result, let acts = activation.family.birthRecords.evidence {
                found.append(Contradiction(
                    kind: .birthRecordParentUnknown, registries: [.individuals], detail: "birthRecord=PARENT_NAMED individuals=NOT_FOUND",
                    messageIds: [acts.messageId, answer.messageId]))
            }
        }
        return found
    }
}
