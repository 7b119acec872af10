/// The ГБД ФЛ services the adapter calls.
public struct GBDFLConfiguration: Sendable, Hashable {
    /// `serviceId` of the person-by-IIN service. Default: `MOCK_GBDFL_PERSON`.
    public var personServiceId: String
    /// `serviceId` of the birth-records (ЗАГС) service. Default: `MOCK_GBDFL_BIRTH_RECORDS`.
    public var birthRecordsServiceId: String
    /// Namespace of the request payload element (`PersonRequest/iin`). Default: `urn:qorgan:gbdfl:v1`.
    public var requestNamespace: String

    /// Creates a configuration (defaults as documented on the properties).
    public init(
        personServiceId: String = "MOCK_GBDFL_PERSON", birthRecordsServiceId: String = "MOCK_GBDFL_BIRTH_RECORDS",
        requestNamespace: String = "urn:qorgan:gbdfl:v1"
    ) {
        self.personServiceId = personServiceId
        self.birthRecordsServiceId = birthRecordsServiceId
        self.requestNamespace = requestNamespace
    }

    /// Every default.
    public static let `default` = GBDFLConfiguration()
}
