public import Identifiers
public import Normalization

/// A funding programme a voucher belongs to: where, when, for which ages.
public struct VoucherProgramme: Sendable, Hashable, Codable {
    /// Programme id, e.g. `sport-2025-26-almaty`.
    public var id: String
    /// The region whose residents it funds.
    public var region: AdministrativeRegion
    /// First day of the funded period.
    public var periodStart: CalendarDate
    /// Last day of the funded period (inclusive).
    public var periodEnd: CalendarDate
    /// Youngest age (in full years on `periodStart`). Default 5.
    public var minimumAge: Int
    /// Oldest age (in full years on `periodStart`). Default 17.
    public var maximumAge: Int

    /// Creates a programme.
    public init(id: String, region: AdministrativeRegion, periodStart: CalendarDate, periodEnd: CalendarDate, minimumAge: Int = 5, maximumAge: Int = 17) {
        self.id = id
        self.region = region
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
    }
}
