public import Identifiers
public import SyncChannelClient
public import Verification
import XMLSupport

/// The business registry (ГБД ЮЛ) over SyncChannel: legal entities by BIN, individual entrepreneurs by IIN.
public struct BusinessRegistryAdapter: BusinessRegistry {
    /// The SyncChannel client (transport, signing, trust).
    public let client: SyncChannelClient
    /// Service ids and request namespace.
    public let configuration: BusinessRegistryConfiguration

    /// Creates the adapter.
    public init(client: SyncChannelClient, configuration: BusinessRegistryConfiguration = .default) {
        self.client = client
        self.configuration = configuration
    }

    /// The legal entity with `bin`.
    public func legalEntity(_ bin: BIN, within deadline: Deadline) async -> RegistryResult<LegalEntity> {
        await client.call(
            serviceId: configuration.legalEntityServiceId, payload: request("EntityRequest", element: "bin", value: bin.text), operation: "legal_entity",
            within: deadline
        ).mapData { data throws(WireMappingError) in try BusinessRegistryMapping.legalEntity(from: data) }
    }

    /// The individual entrepreneur registered under `iin`.
    public func entrepreneur(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<IndividualEntrepreneur> {
        await client.call(
            serviceId: configuration.entrepreneurServiceId, payload: request("EntrepreneurRequest", element: "iin", value: iin.unmasked),
            operation: "entrepreneur", within: deadline
        ).mapData { data throws(WireMappingError) in try BusinessRegistryMapping.entrepreneur(from: data) }
    }

    private func request(_ name: String, element: String, value: String) -> XMLFragment {
        XMLFragment { writer in
            writer.startElement(name, prefix: "p")
            writer.declareNamespace(prefix: "p", uri: configuration.requestNamespace)
            writer.element(element, prefix: "p", text: value)
            writer.endElement()
        }
    }
}
