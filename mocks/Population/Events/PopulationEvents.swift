public import Identifiers

/// Later events for a population — deaths, moves, expulsions, double enrolments, liquidations, shared coaches,
/// fictitious parents —
/// drawn from their own seed stream. An additive overlay: the population and its ground truth stay as generated;
/// ``Population/applying(_:)`` gives the registries' view after the events.
///
/// ```swift
/// let events = try PopulationEvents.generate(for: population)
/// let later = population.applying(events)      // serve this with MockRegistries
/// ```
public struct PopulationEvents: Sendable, Hashable {
    /// The configuration that produced them.
    public let configuration: PopulationEventConfiguration
    /// Every event, children in declaration order first, then liquidations, then shared coaches.
    public let events: [PopulationEvent]

    /// Wraps events.
    public init(configuration: PopulationEventConfiguration, events: [PopulationEvent]) {
        self.configuration = configuration
        self.events = events
    }

    /// The events of one kind.
    public func events(_ kind: PopulationEventKind) -> [PopulationEvent] { events.filter { $0.kind == kind } }

    /// Draws events for the children of fraud-free declarations and the providers declarations name.
    ///
    /// - Throws: `PopulationError.invalidConfiguration` when a rate is outside 0…1.
    public static func generate(for population: Population, configuration: PopulationEventConfiguration = .init()) throws(PopulationError)
        -> PopulationEvents
    {
        try configuration.validate()
        let reference = population.configuration.referenceDate
        let date = reference.adding(days: configuration.daysAfterReference)
        var random = PopulationRandom(seed: population.configuration.seed ^ configuration.seed, stream: .events)
        var events: [PopulationEvent] = []
        var seenChildren = Set<IIN>()
        var providerDigits: [String] = []
        var seenProviders = Set<String>()
        let individuals = population.individuals
        let regions = Region.all

        for (declaration, truth) in zip(population.declarations, population.declarationTruth) {
            let provider = declaration.providerID.filter(\.isNumber)
            if !provider.isEmpty, seenProviders.insert(provider).inserted { providerDigits.append(provider) }
            guard truth.fraud == nil, let child = truth.childIIN, seenChildren.insert(child).inserted,
                let record = individuals.person(child), record.lifeStatus == .normal
            else { continue }
            let draw = random.unit()
            var threshold = configuration.childDeathRate
            if draw < threshold {
                events.append(PopulationEvent(kind: .childDeath, date: date, childIIN: child))
                continue
            }
            threshold += configuration.moveRate
            if draw < threshold {
                let others = regions.filter { $0.kato != record.address.regionKATO }
                events.append(PopulationEvent(kind: .move, date: date, childIIN: child, newRegionKATO: random.pick(others).kato))
                continue
            }
            threshold += configuration.expulsionRate
            if draw < threshold {
                let age = record.person.birthDate.years(until: reference)
                if (7...17).contains(age), population.education.student(child)?.status == .studying {
                    events.append(PopulationEvent(kind: .expulsion, date: date, childIIN: child))
                }
                continue
            }
            threshold += configuration.fictitiousParentRate
            if draw < threshold {
                let acts = individuals.birthRecords(involving: child).filter { $0.childIIN == child }
                if let act = acts.first, act.motherIIN == truth.parentIIN, let father = act.fatherIIN,
                    let fictitious = Self.unusedIIN(like: father, in: population, salt: events.count)
                {
                    events.append(PopulationEvent(kind: .fictitiousParent, date: date, childIIN: child, fictitiousIIN: fictitious))
                }
                continue
            }
            threshold += configuration.doubleEnrolmentRate
            if draw < threshold {
                let age = record.person.birthDate.years(until: reference)
                if (7...17).contains(age), let enrolment = population.education.student(child), enrolment.status == .studying,
                    let second = Self.secondSchool(for: child, besides: enrolment.schoolBIN, in: population.education)
                {
                    events.append(PopulationEvent(kind: .doubleEnrolment, date: date, childIIN: child, secondSchoolBIN: second))
                }
            }
        }

        for provider in providerDigits where random.chance(configuration.liquidationRate) {
            let operating: Bool
            if let iin = try? IIN(provider), let entrepreneur = population.business.entrepreneur(iin) {
                operating = entrepreneur.status == .active
            } else if let bin = try? BIN(provider), let entity = population.business.legalEntity(bin) {
                operating = entity.status == .active
            } else {
                operating = false
            }
            if operating { events.append(PopulationEvent(kind: .liquidation, date: date, providers: [provider])) }
        }

        let coaches = population.education.educators.filter { $0.position == .coach }
        if providerDigits.count >= 2, !coaches.isEmpty {
            var usedCoaches = Set<IIN>()
            for _ in 0..<configuration.sharedCoaches {
                let coach = random.pick(coaches).person.iin
                guard usedCoaches.insert(coach).inserted else { continue }
                var listed: [String] = []
                let wanted = min(providerDigits.count, 2 + random.int(below: 2))
                while listed.count < wanted {
                    let provider = random.pick(providerDigits)
                    if !listed.contains(provider) { listed.append(provider) }
                }
                events.append(PopulationEvent(kind: .sharedCoach, date: date, providers: listed, coachIIN: coach))
            }
        }
        return PopulationEvents(configuration: configuration, events: events)
    }

    /// Another school of the same region as `school` (else any other school), picked from the pupil's IIN so the
    /// events' random stream is not consumed.
    static func secondSchool(for child: IIN, besides school: BIN, in education: EducationRegistry) -> BIN? {
        let region = education.school(school).map { String($0.katoCode.prefix(2)) }
        let others = education.schools.filter { $0.bin != school }
        let sameRegion = others.filter { String($0.katoCode.prefix(2)) == region }
        let candidates = sameRegion.isEmpty ? others : sameRegion
        guard !candidates.isEmpty else { return nil }
        let key = child.unmasked.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        return candidates[Int(key % UInt64(candidates.count))].bin
    }

    /// A valid IIN with `like`'s birth-date digits that no person and no birth act in the population has.
    static func unusedIIN(like iin: IIN, in population: Population, salt: Int) -> IIN? {
        let prefix = String(iin.unmasked.prefix(7))
        for serial in 0..<400 {
            var digits = String(9_000 + (salt * 37 + serial) % 1_000)
            while digits.count < 4 { digits = "0" + digits }
            let text = prefix + digits
            let bytes = text.unicodeScalars.map { UInt8($0.value - 0x30) }
            guard let check = IIN.checkDigit(forPrefix: bytes), let candidate = try? IIN(text + String(check)) else { continue }
            if population.person(candidate) == nil, population.individuals.person(candidate) == nil,
                population.individuals.birthRecords(involving: candidate).isEmpty
            {
                return candidate
            }
        }
        return nil
    }
}
