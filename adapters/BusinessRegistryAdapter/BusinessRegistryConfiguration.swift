/// The ГБД ЮЛ services the adapter calls.
public struct BusinessRegistryConfiguration: Sendable, Hashable {
    /// `serviceId` of the legal-entity-by-BIN service. Default: `MOCK_GBDUL_ENTITY`.
    public var legalEntityServiceId: String
    /// `serviceId` of the entrepreneur-by-IIN service. Default: `MOCK_GBDUL_ENTREPRENEUR`.
    public var entrepreneurServiceId: String
    /// Namespace of the request payload element. Default: `urn:qorgan:gbdul:v1`.
    public var requestNamespace: String

    /// Creates a configuration (defaults as documented on the properties).
    public init(
        legalEntityServiceId: String = "MOCK_GBDUL_ENTITY", entrepreneurServiceId: String = "MOCK_GBDUL_ENTREPRENEUR",
        requestNamespace: String = "urn:qorgan:gbdul:v1"
    ) {
        self.legalEntityServiceId = legalEntityServiceId
        self.entrepreneurServiceId = entrepreneurServiceId
        self.requestNamespace = requestNamespace
    }

    /// Every default.
    public static let `default` = BusinessRegistryConfiguration()
}
