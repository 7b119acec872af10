import Foundation
import Identifiers
import Reverification
import Synchronization
import Verification

/// In-process registry ports answering from ``ReverificationSamples``' evidence — or failing, when told to.
final class FakeRegistries: PersonRegistry, BirthRecordRegistry, HealthRegistry, EducationRegistry, BusinessRegistry, Sendable {
    private let state: Mutex<(deceased: Bool, individualsDown: Bool, calls: Int)>
    private let sample = ReverificationSamples.evidence()

    init(deceased: Bool = false, individualsDown: Bool = false) {
        state = Mutex((deceased, individualsDown, 0))
    }

    var calls: Int { state.withLock { $0.calls } }

    func set(deceased: Bool? = nil, individualsDown: Bool? = nil) {
        state.withLock {
            if let deceased { $0.deceased = deceased }
            if let individualsDown { $0.individualsDown = individualsDown }
        }
    }

    private func count() -> (deceased: Bool, individualsDown: Bool) {
        state.withLock {
            $0.calls += 1
            return ($0.deceased, $0.individualsDown)
        }
    }

    /// The parent and the birth act's father as sampled; any other IIN is answered with the sample child's record.
    func person(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<PersonRecord> {
        let (deceased, down) = count()
        if down { return .unavailable(.connection) }
        let evidence = ReverificationSamples.evidence(childDeceased: deceased)
        if iin == ReverificationSamples.parent { return evidence.activation!.family.parent }
        if let father = evidence.birthRecordParents[iin] { return father }
        return evidence.activation!.family.child.map { record in
            var copy = record
            copy.iin = iin
            return copy
        }
    }

    func birthRecords(involving iin: IIN, within deadline: Deadline) async -> RegistryResult<[BirthRecord]> {
        let (_, down) = count()
        return down ? .unavailable(.connection) : sample.activation!.family.birthRecords
    }

    func healthFacts(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<HealthFacts> {
        _ = count()
        return sample.activation!.family.health!
    }

    func enrolment(of iin: IIN, within deadline: Deadline) async -> RegistryResult<StudentEnrolment> {
        _ = count()
        return sample.activation!.enrolment
    }

    func qualification(of iin: IIN, within deadline: Deadline) async -> RegistryResult<EducatorQualification> {
        _ = count()
        return .notFound(evidence: ReverificationSamples.answer(.education, "e-q"))
    }

    func legalEntity(_ bin: BIN, within deadline: Deadline) async -> RegistryResult<LegalEntity> {
        _ = count()
        return .found(LegalEntity(bin: bin, status: .active), evidence: ReverificationSamples.answer(.business, "b-1"))
    }

    func entrepreneur(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<IndividualEntrepreneur> {
        _ = count()
        return .notFound(evidence: ReverificationSamples.answer(.business, "b-0"))
    }

    var checker: ReverificationChecker {
        ReverificationChecker(persons: self, birthRecords: self, health: self, education: self, business: self)
    }
}
