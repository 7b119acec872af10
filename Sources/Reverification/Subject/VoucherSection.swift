public import Verification

/// The section a voucher pays for, as the activation request declared it.
public struct VoucherSection: Sendable, Hashable, Codable {
    /// The section's name, e.g. "Футбол U-10".
    public var name: String
    /// Sport or art; `nil` when the request did not say (the coach-load norm then uses the default).
    public var type: ProviderSectionType?
    /// Whether the section needs a sports medical clearance.
    public var requiresSportsClearance: Bool
    /// Declared weekly sessions (empty when not declared).
    public var schedule: [ScheduleSlot]

    /// Creates a section.
    public init(name: String, type: ProviderSectionType? = nil, requiresSportsClearance: Bool = false, schedule: [ScheduleSlot] = []) {
        self.name = name
        self.type = type
        self.requiresSportsClearance = requiresSportsClearance
        self.schedule = schedule
    }
}
