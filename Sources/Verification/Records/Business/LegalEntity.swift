public import Identifiers

/// A legal entity as the business registry (ГБД ЮЛ) states it.
public struct LegalEntity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// BIN.
    public var bin: BIN
    /// Russian name.
    public var nameRu: String?
    /// Kazakh name.
    public var nameKz: String?
    /// Legal form (`ТОО`, `АО`, `ГУ`, …).
    public var legalForm: String?
    /// Registration date.
    public var registeredOn: CalendarDate?
    /// Status.
    public var status: BusinessStatus
    /// When the status last changed, when it did.
    public var statusChangedOn: CalendarDate?
    /// Main activity (ОКЭД).
    public var activity: CodedValue?
    /// КАТО code of the registered address.
    public var katoCode: String?
    /// Registered address as text.
    public var address: String?
    /// The head (director).
    public var head: PersonReference?

    /// Creates a legal entity.
    public init(
        bin: BIN, nameRu: String? = nil, nameKz: String? = nil, legalForm: String? = nil, registeredOn: CalendarDate? = nil,
        status: BusinessStatus, statusChangedOn: CalendarDate? = nil, activity: CodedValue? = nil, katoCode: String? = nil,
        address: String? = nil, head: PersonReference? = nil
    ) {
        self.bin = bin
        self.nameRu = nameRu
        self.nameKz = nameKz
        self.legalForm = legalForm
        self.registeredOn = registeredOn
        self.status = status
        self.statusChangedOn = statusChangedOn
        self.activity = activity
        self.katoCode = katoCode
        self.address = address
        self.head = head
    }

    /// `LegalEntity(<BIN>)` (a BIN is public business data).
    public var description: String { "LegalEntity(\(bin.text))" }
}

/// An individual entrepreneur (personal entrepreneurship: identified by IIN, no BIN).
public struct IndividualEntrepreneur: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The holder, as the registry holds them.
    public var holder: PersonReference
    /// Trade name.
    public var tradeName: String?
    /// Registration date.
    public var registeredOn: CalendarDate?
    /// Status.
    public var status: BusinessStatus
    /// When the status last changed.
    public var statusChangedOn: CalendarDate?
    /// Main activity (ОКЭД).
    public var activity: CodedValue?
    /// КАТО code.
    public var katoCode: String?

    /// Creates an entrepreneur record.
    public init(
        holder: PersonReference, tradeName: String? = nil, registeredOn: CalendarDate? = nil, status: BusinessStatus,
        statusChangedOn: CalendarDate? = nil, activity: CodedValue? = nil, katoCode: String? = nil
    ) {
        self.holder = holder
        self.tradeName = tradeName
        self.registeredOn = registeredOn
        self.status = status
        self.statusChangedOn = statusChangedOn
        self.activity = activity
        self.katoCode = katoCode
    }

    /// `IndividualEntrepreneur(<masked IIN>)`.
    public var description: String { "IndividualEntrepreneur(\(holder.iin?.masked ?? "-"))" }
}

/// The registry status of a legal entity or entrepreneur.
public struct BusinessStatus: RawRepresentable, Sendable, Hashable, Codable {
    /// The registry's code.
    public var rawValue: String
    /// Creates a status from the registry's code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Operating.
    public static let active = BusinessStatus(rawValue: "ACTIVE")
    /// Being liquidated.
    public static let liquidating = BusinessStatus(rawValue: "LIQUIDATING")
    /// Liquidated.
    public static let liquidated = BusinessStatus(rawValue: "LIQUIDATED")
    /// Reorganised into another entity.
    public static let reorganized = BusinessStatus(rawValue: "REORGANIZED")
    /// Entrepreneur's activity suspended.
    public static let suspended = BusinessStatus(rawValue: "SUSPENDED")
    /// Entrepreneur's activity terminated.
    public static let terminated = BusinessStatus(rawValue: "TERMINATED")

    /// Whether the entity or entrepreneur may operate (only `ACTIVE`).
    public var isOperating: Bool { self == .active }
}
