public import Identifiers
public import SyncChannelClient
public import Verification
import XMLSupport

/// The education database (НОБД) over SyncChannel: pupil enrolment and educator qualification by IIN.
public struct EducationAdapter: EducationRegistry {
    /// The SyncChannel client (transport, signing, trust).
    public let client: SyncChannelClient
    /// Service ids and request namespace.
    public let configuration: EducationConfiguration

    /// Creates the adapter.
    public init(client: SyncChannelClient, configuration: EducationConfiguration = .default) {
        self.client = client
        self.configuration = configuration
    }

    /// The pupil's enrolment.
    public func enrolment(of iin: IIN, within deadline: Deadline) async -> RegistryResult<StudentEnrolment> {
        await client.call(serviceId: configuration.studentServiceId, payload: request("StudentRequest", iin: iin), operation: "student", within: deadline)
            .mapData { data throws(WireMappingError) in try EducationMapping.enrolment(from: data) }
    }

    /// The educator's qualification.
    public func qualification(of iin: IIN, within deadline: Deadline) async -> RegistryResult<EducatorQualification> {
        await client.call(
            serviceId: configuration.educatorServiceId, payload: request("EducatorRequest", iin: iin), operation: "educator", within: deadline
        ).mapData { data throws(WireMappingError) in try EducationMapping.qualification(from: data) }
    }

    private func request(_ name: String, iin: IIN) -> XMLFragment {
        XMLFragment { writer in
            writer.startElement(name, prefix: "p")
            writer.declareNamespace(prefix: "p", uri: configuration.requestNamespace)
            writer.element("iin", prefix: "p", text: iin.unmasked)
            writer.endElement()
        }
    }
}
