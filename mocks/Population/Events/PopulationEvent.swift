public import Identifiers

/// One later event: the ground truth of a change the registries show after the reference date.
public struct PopulationEvent: Sendable, Hashable {
    /// What happened.
    public let kind: PopulationEventKind
    /// When.
    public let date: CalendarDate
    /// The child concerned (death, move, expulsion, fictitious parent, double enrolment); `nil` otherwise.
    public let childIIN: IIN?
    /// The provider (liquidation), or the providers that list the coach (shared coach), as twelve digits.
    public let providers: [String]
    /// The coach (shared coach).
    public let coachIIN: IIN?
    /// The new region's КАТО (move).
    public let newRegionKATO: String?
    /// The IIN put in the birth act that no person has (fictitious parent).
    public let fictitiousIIN: IIN?
    /// The second school that lists the pupil as studying (double enrolment).
    public let secondSchoolBIN: BIN?

    /// Creates an event.
    public init(
        kind: PopulationEventKind, date: CalendarDate, childIIN: IIN? = nil, providers: [String] = [], coachIIN: IIN? = nil,
        newRegionKATO: String? = nil, fictitiousIIN: IIN? = nil, secondSchoolBIN: BIN? = nil
    ) {
        self.kind = kind
        self.date = date
        self.childIIN = childIIN
        self.providers = providers
        self.coachIIN = coachIIN
        self.newRegionKATO = newRegionKATO
        self.fictitiousIIN = fictitiousIIN
        self.secondSchoolBIN = secondSchoolBIN
    }
}
