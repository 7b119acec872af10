public import Identifiers

/// An individual entrepreneur in personal entrepreneurship, identified by IIN (no BIN).
public struct EntrepreneurRecord: Sendable, Hashable {
    /// The entrepreneur as the registry records them.
    public let holder: RegistryPerson
    /// Trade name, e.g. "ИП «Айгерим-Данс»".
    public let tradeName: String
    /// Registration (notification) date.
    public let registeredOn: CalendarDate
    /// Registry status.
    public let status: EntrepreneurStatus
    /// When the status last changed; `nil` for an entrepreneur active since registration.
    public let statusChangedOn: CalendarDate?
    /// Activity (ОКЭД).
    public let activity: Activity
    /// КАТО code of the registration address.
    public let katoCode: String

    /// Creates an entrepreneur record.
    public init(
        holder: RegistryPerson, tradeName: String, registeredOn: CalendarDate, status: EntrepreneurStatus, statusChangedOn: CalendarDate?,
        activity: Activity, katoCode: String
    ) {
        self.holder = holder
        self.tradeName = tradeName
        self.registeredOn = registeredOn
        self.status = status
        self.statusChangedOn = statusChangedOn
        self.activity = activity
        self.katoCode = katoCode
    }
}

/// Status of an individual entrepreneur.
public enum EntrepreneurStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active = "ACTIVE"
    case suspended = "SUSPENDED"
    case terminated = "TERMINATED"
}
