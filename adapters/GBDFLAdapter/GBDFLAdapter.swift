public import Identifiers
import Logging
public import SyncChannelClient
public import Verification
import XMLSupport

/// The individuals registry (ГБД ФЛ) over SyncChannel: persons by IIN and ЗАГС birth records.
///
/// ```swift
/// let gbdfl = GBDFLAdapter(client: SyncChannelClient(registry: .individuals, transport: transport, configuration: bus, logger: logger))
/// let child = await gbdfl.person(iin, within: .after(.seconds(2)))
/// ```
public struct GBDFLAdapter: PersonRegistry, BirthRecordRegistry {
    /// The SyncChannel client (transport, signing, trust).
    public let client: SyncChannelClient
    /// Service ids and request namespace.
    public let configuration: GBDFLConfiguration

    /// Creates the adapter.
    public init(client: SyncChannelClient, configuration: GBDFLConfiguration = .default) {
        self.client = client
        self.configuration = configuration
    }

    /// The person with `iin`, verified and mapped; `.notFound` only when the registry answered `00003`.
    public func person(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<PersonRecord> {
        let answer = await client.call(
            serviceId: configuration.personServiceId, payload: request("PersonRequest", iin: iin), operation: "person", within: deadline)
        return answer.mapData { data throws(WireMappingError) in try GBDFLMapping.person(from: data, iin: iin) }
    }

    /// Birth acts in which `iin` is child or parent.
    public func birthRecords(involving iin: IIN, within deadline: Deadline) async -> RegistryResult<[BirthRecord]> {
        let answer = await client.call(
            serviceId: configuration.birthRecordsServiceId, payload: request("BirthRecordsRequest", iin: iin), operation: "birth_records",
            within: deadline)
        return answer.mapData { data throws(WireMappingError) in try GBDFLMapping.birthRecords(from: data) }
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
