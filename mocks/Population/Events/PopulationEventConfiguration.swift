/// How many later events to inject, from the events' own seed stream (the population itself is untouched).
///
/// Rates apply per declared child of a fraud-free declaration (at most one child event each) and per provider named
/// in declarations.
public struct PopulationEventConfiguration: Sendable, Hashable, Codable {
    /// Seed of the events stream. Default 1 (combined with the population's seed).
    public var seed: UInt64
    /// Days after the population's reference date the events happen. Default 60.
    public var daysAfterReference: Int
    /// Share of children who die. Default 0.01.
    public var childDeathRate: Double
    /// Share of children whose household moves to another region. Default 0.01.
    public var moveRate: Double
    /// Share of enrolled school-age children (7–17) expelled. Default 0.01.
    public var expulsionRate: Double
    /// Share of children whose birth act gets a fictitious father (declared by the mother only). Default 0.005.
    public var fictitiousParentRate: Double
    /// Share of enrolled school-age children (7–17) a second school also lists as studying. Default 0.005.
    public var doubleEnrolmentRate: Double
    /// Share of active legal-entity and entrepreneur providers liquidated. Default 0.03.
    public var liquidationRate: Double
    /// How many coaches are listed by several providers. Default 3.
    public var sharedCoaches: Int

    /// Creates a configuration (defaults as documented).
    public init(
        seed: UInt64 = 1, daysAfterReference: Int = 60, childDeathRate: Double = 0.01, moveRate: Double = 0.01, expulsionRate: Double = 0.01,
        fictitiousParentRate: Double = 0.005, doubleEnrolmentRate: Double = 0.005, liquidationRate: Double = 0.03, sharedCoaches: Int = 3
    ) {
        self.seed = seed
        self.daysAfterReference = daysAfterReference
        self.childDeathRate = childDeathRate
        self.moveRate = moveRate
        self.expulsionRate = expulsionRate
        self.fictitiousParentRate = fictitiousParentRate
        self.doubleEnrolmentRate = doubleEnrolmentRate
        self.liquidationRate = liquidationRate
        self.sharedCoaches = sharedCoaches
    }

    /// Throws when a rate is outside 0…1 or a count is negative.
    public func validate() throws(PopulationError) {
        for (name, rate) in [
            ("childDeathRate", childDeathRate), ("moveRate", moveRate), ("expulsionRate", expulsionRate),
            ("fictitiousParentRate", fictitiousParentRate), ("doubleEnrolmentRate", doubleEnrolmentRate), ("liquidationRate", liquidationRate),
        ] where !(0...1).contains(rate) {
            throw PopulationError.invalidConfiguration("events.\(name) must be within 0…1")
        }
        if childDeathRate + moveRate + expulsionRate + fictitiousParentRate + doubleEnrolmentRate > 1 {
            throw PopulationError.invalidConfiguration("events: child event rates must sum to at most 1")
        }
        if sharedCoaches < 0 || daysAfterReference < 0 { throw PopulationError.invalidConfiguration("events: counts must not be negative") }
    }
}
