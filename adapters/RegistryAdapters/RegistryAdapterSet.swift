public import Verification

/// Every registry port the gateway uses, built from one `RegistryConfiguration` over one shared HTTP client.
///
/// Call `shutdown()` once when done (it closes the shared client).
public struct RegistryAdapterSet: Sendable {
    /// ГБД ФЛ persons.
    public let persons: any PersonRegistry
    /// ГБД ФЛ birth records.
    public let birthRecords: any BirthRecordRegistry
    /// НОБД.
    public let education: any EducationRegistry
    /// ГБД ЮЛ.
    public let business: any BusinessRegistry
    /// Health registries.
    public let health: any HealthRegistry
    /// SMS gateway.
    public let sms: any SMSGateway
    private let close: @Sendable () async -> Void

    /// Creates a set from ports (tests may pass fakes) and what closes them.
    public init(
        persons: any PersonRegistry, birthRecords: any BirthRecordRegistry, education: any EducationRegistry, business: any BusinessRegistry,
        health: any HealthRegistry, sms: any SMSGateway, close: @escaping @Sendable () async -> Void = {}
    ) {
        self.persons = persons
        self.birthRecords = birthRecords
        self.education = education
        self.business = business
        self.health = health
        self.sms = sms
        self.close = close
    }

    /// Closes the shared HTTP client.
    public func shutdown() async { await close() }
}
