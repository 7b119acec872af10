import Identifiers
import RegistryAdapters
import Verification

/// Registry ports that never answer (every call is `.unavailable`): enough to build the gateway's routes when no
/// registry is asked.
struct UnreachableRegistries: PersonRegistry, BirthRecordRegistry, EducationRegistry, BusinessRegistry, HealthRegistry, SMSGateway {
    private static let reason = UnavailabilityReason.other("unreachable test registry")

    func person(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<PersonRecord> { .unavailable(Self.reason) }
    func birthRecords(involving iin: IIN, within deadline: Deadline) async -> RegistryResult<[BirthRecord]> { .unavailable(Self.reason) }
    func enrolment(of iin: IIN, within deadline: Deadline) async -> RegistryResult<StudentEnrolment> { .unavailable(Self.reason) }
    func qualification(of iin: IIN, within deadline: Deadline) async -> RegistryResult<EducatorQualification> { .unavailable(Self.reason) }
    func legalEntity(_ bin: BIN, within deadline: Deadline) async -> RegistryResult<LegalEntity> { .unavailable(Self.reason) }
    func entrepreneur(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<IndividualEntrepreneur> { .unavailable(Self.reason) }
    func healthFacts(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<HealthFacts> { .unavailable(Self.reason) }
    func send(_ message: SMSMessage, within deadline: Deadline) async -> RegistryResult<SMSReceipt> { .unavailable(Self.reason) }

    /// Every port of a ``RegistryAdapterSet`` unreachable.
    static var adapterSet: RegistryAdapterSet {
        let ports = UnreachableRegistries()
        return RegistryAdapterSet(persons: ports, birthRecords: ports, education: ports, business: ports, health: ports, sms: ports)
    }
}
