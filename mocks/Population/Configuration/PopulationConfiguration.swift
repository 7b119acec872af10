public import Identifiers

/// Everything that shapes a synthetic population: seed, size, reference date and every rate.
///
/// The same configuration always yields the same population, byte for byte. All rates are shares in 0…1.
///
/// ```swift
/// var configuration = PopulationConfiguration(seed: 42, people: 20_000)
/// configuration.defects.education.nameVariant = 0.05
/// let population = PopulationGenerator(configuration: configuration).generate()
/// ```
public struct PopulationConfiguration: Sendable, Hashable {
    /// Seed of every random choice. Default `1`.
    public var seed: UInt64
    /// Number of people, exactly. Default `10_000`.
    public var people: Int
    /// "Today" of the population: ages, academic year, statuses are as of this day. Default 2025-09-01.
    public var referenceDate: CalendarDate
    /// Share of people whose IIN date/sex digits deviate from their real birth date/sex (allowed since 2013;
    /// the registry holds the truth). Default `0.003`.
    public var iinDeviationRate: Double
    /// Share of ethnic Kazakhs whose documents spell names with Kazakh letters (Қ, Ұ, І, …) rather than the
    /// Russianised forms; young cohorts use this rate, people born before 1990 half of it. Default `0.6`.
    public var kazakhSpellingRate: Double
    /// Digitised birth records (parent–child links).
    public var birthRecords: BirthRecordRates
    /// Deaths, disabilities, chronic conditions, school, sport.
    public var life: LifeRates
    /// Providers, coaches and their statuses.
    public var providers: ProviderRates
    /// Injected registry defects, per registry.
    public var defects: DefectConfiguration
    /// Parent declarations: volume, noise and fraud.
    public var declarations: DeclarationRates

    /// Creates a configuration; every rate has its documented default.
    public init(
        seed: UInt64 = 1, people: Int = 10_000, referenceDate: CalendarDate = CalendarDate(year: 2025, month: 9, day: 1)!,
        iinDeviationRate: Double = 0.003, kazakhSpellingRate: Double = 0.6, birthRecords: BirthRecordRates = .init(),
        life: LifeRates = .init(), providers: ProviderRates = .init(), defects: DefectConfiguration = .init(),
        declarations: DeclarationRates = .init()
    ) {
        self.seed = seed
        self.people = people
        self.referenceDate = referenceDate
        self.iinDeviationRate = iinDeviationRate
        self.kazakhSpellingRate = kazakhSpellingRate
        self.birthRecords = birthRecords
        self.life = life
        self.providers = providers
        self.defects = defects
        self.declarations = declarations
    }

    /// The defaults with `seed` 1 and 10,000 people.
    public static let `default` = PopulationConfiguration()

    /// Checks every rate and the size.
    ///
    /// - Throws: `PopulationError.invalidConfiguration` naming the first bad field.
    public func validate() throws(PopulationError) {
        guard people >= 0 else { throw .invalidConfiguration("people must be ≥ 0") }
        for (name, value) in rateList where !(0...1).contains(value) || value.isNaN {
            throw .invalidConfiguration("\(name) must be in 0…1")
        }
    }

    /// Every rate with its dotted name, in a fixed order (for validation and the manifest).
    public var rateList: [(String, Double)] {
        var list: [(String, Double)] = [("iinDeviationRate", iinDeviationRate), ("kazakhSpellingRate", kazakhSpellingRate)]
        list += [("birthRecords.from2010", birthRecords.from2010), ("birthRecords.before2010", birthRecords.before2010)]
        list += [
            ("life.adultDeathRate", life.adultDeathRate), ("life.childDeathRate", life.childDeathRate),
            ("life.disabilityRate", life.disabilityRate), ("life.chronicConditionRate", life.chronicConditionRate),
            ("life.schoolEnrolmentRate", life.schoolEnrolmentRate), ("life.sportsClearanceRate", life.sportsClearanceRate),
        ]
        list += [
            ("providers.entrepreneurRate", providers.entrepreneurRate), ("providers.legalEntityRate", providers.legalEntityRate),
            ("providers.coachRate", providers.coachRate), ("providers.activeShare", providers.activeShare),
            ("providers.suspendedShare", providers.suspendedShare),
        ]
        for registry in RegistryKind.allCases {
            let rates = defects[registry]
            list += [
                ("defects.\(registry.rawValue).nameVariant", rates.nameVariant),
                ("defects.\(registry.rawValue).birthDateSwap", rates.birthDateSwap),
                ("defects.\(registry.rawValue).missingRecord", rates.missingRecord),
            ]
        }
        list.append(("defects.deadSoulRate", defects.deadSoulRate))
        list += [
            ("declarations.childShare", declarations.childShare), ("declarations.noiseRate", declarations.noiseRate),
            ("declarations.nonExistentIIN", declarations.nonExistentIIN), ("declarations.someoneElsesChild", declarations.someoneElsesChild),
            ("declarations.deceasedChild", declarations.deceasedChild), ("declarations.wrongRegion", declarations.wrongRegion),
        ]
        return list
    }
}

/// Rates of digitised birth records (ЗАГС acts linking a child to the parents).
public struct BirthRecordRates: Sendable, Hashable {
    /// Share of children born on or after 2010-01-01 with a birth record. Default `0.95`.
    public var from2010: Double
    /// Share of people born before 2010 with a birth record (paper era). Default `0.10`.
    public var before2010: Double

    /// Creates the rates (defaults as documented).
    public init(from2010: Double = 0.95, before2010: Double = 0.10) {
        self.from2010 = from2010
        self.before2010 = before2010
    }
}

/// Life events and conditions.
public struct LifeRates: Sendable, Hashable {
    /// Share of adults (18+) who have died (their record stays, status deceased). Default `0.01`.
    public var adultDeathRate: Double
    /// Share of school-age children (6–17) who have died, within the last three years. Default `0.003`.
    public var childDeathRate: Double
    /// Share of people with a disability decision. Default `0.03`.
    public var disabilityRate: Double
    /// Share of people on dispensary registration for a chronic condition (ICD-10). Default `0.08`.
    public var chronicConditionRate: Double
    /// Share of living children of school age who are enrolled (the rest: home schooling, abroad). Default `0.97`.
    public var schoolEnrolmentRate: Double
    /// Share of living children 6–18 with a sports medical clearance. Default `0.35`.
    public var sportsClearanceRate: Double

    /// Creates the rates (defaults as documented).
    public init(
        adultDeathRate: Double = 0.01, childDeathRate: Double = 0.003, disabilityRate: Double = 0.03, chronicConditionRate: Double = 0.08,
        schoolEnrolmentRate: Double = 0.97, sportsClearanceRate: Double = 0.35
    ) {
        self.adultDeathRate = adultDeathRate
        self.childDeathRate = childDeathRate
        self.disabilityRate = disabilityRate
        self.chronicConditionRate = chronicConditionRate
        self.schoolEnrolmentRate = schoolEnrolmentRate
        self.sportsClearanceRate = sportsClearanceRate
    }
}

/// Providers (clubs, entrepreneurs) and coaches.
public struct ProviderRates: Sendable, Hashable {
    /// Share of living adults 20–70 who are individual entrepreneurs (by IIN). Default `0.03`.
    public var entrepreneurRate: Double
    /// Legal entities (besides schools and polyclinics) per person. Default `0.004`.
    public var legalEntityRate: Double
    /// Share of living adults 22–65 who are coaches/PE teachers in НОБД. Default `0.004`.
    public var coachRate: Double
    /// Share of providers that are active. Default `0.85`.
    public var activeShare: Double
    /// Share that are suspended (entrepreneurs) or liquidating (legal entities); the rest are
    /// terminated/liquidated (or reorganised). Default `0.05`.
    public var suspendedShare: Double

    /// Creates the rates (defaults as documented).
    public init(entrepreneurRate: Double = 0.03, legalEntityRate: Double = 0.004, coachRate: Double = 0.004, activeShare: Double = 0.85,
                suspendedShare: Double = 0.05) {
        self.entrepreneurRate = entrepreneurRate
        self.legalEntityRate = legalEntityRate
        self.coachRate = coachRate
        self.activeShare = activeShare
        self.suspendedShare = suspendedShare
    }
}

/// Defect rates of one registry.
public struct DefectRates: Sendable, Hashable {
    /// Share of this registry's person records whose name is typed differently (see `NameVariantMix`).
    public var nameVariant: Double
    /// Share of records with day ≤ 12 and day ≠ month whose birth date has day and month swapped.
    public var birthDateSwap: Double
    /// Share of people who should be in this registry but are missing from it.
    public var missingRecord: Double

    /// Creates the rates.
    public init(nameVariant: Double, birthDateSwap: Double, missingRecord: Double) {
        self.nameVariant = nameVariant
        self.birthDateSwap = birthDateSwap
        self.missingRecord = missingRecord
    }
}

/// Defect configuration for every registry.
public struct DefectConfiguration: Sendable, Hashable {
    /// ГБД ФЛ — the registry of record: rare defects. Default `(0.002, 0.001, 0.0005)`.
    public var individuals: DefectRates
    /// НОБД. Default `(0.03, 0.01, 0.01)`; a missing pupil is a child in health but not in НОБД.
    public var education: DefectRates
    /// Health. Default `(0.03, 0.01, 0.01)`; a missing school child is a child in НОБД but not in health.
    public var health: DefectRates
    /// Business registry (entrepreneurs' names). Default `(0.02, 0.005, 0.01)`.
    public var business: DefectRates
    /// Share of deceased school-age children still enrolled in НОБД ("dead souls"). Default `0.5`.
    public var deadSoulRate: Double
    /// Relative weights of the kinds of name variant. Default: see `NameVariantMix`.
    public var nameVariantMix: NameVariantMix

    /// Creates the configuration (defaults as documented).
    public init(
        individuals: DefectRates = .init(nameVariant: 0.002, birthDateSwap: 0.001, missingRecord: 0.0005),
        education: DefectRates = .init(nameVariant: 0.03, birthDateSwap: 0.01, missingRecord: 0.01),
        health: DefectRates = .init(nameVariant: 0.03, birthDateSwap: 0.01, missingRecord: 0.01),
        business: DefectRates = .init(nameVariant: 0.02, birthDateSwap: 0.005, missingRecord: 0.01),
        deadSoulRate: Double = 0.5, nameVariantMix: NameVariantMix = .init()
    ) {
        self.individuals = individuals
        self.education = education
        self.health = health
        self.business = business
        self.deadSoulRate = deadSoulRate
        self.nameVariantMix = nameVariantMix
    }

    /// The rates of one registry.
    public subscript(registry: RegistryKind) -> DefectRates {
        get {
            switch registry {
            case .individuals: individuals
            case .education: education
            case .health: health
            case .business: business
            }
        }
        set {
            switch registry {
            case .individuals: individuals = newValue
            case .education: education = newValue
            case .health: health = newValue
            case .business: business = newValue
            }
        }
    }
}

/// Relative weights of name-variant kinds (need not sum to 1). When a kind cannot apply to a name (no
/// Kazakh letter, no patronymic), another applicable kind is drawn.
public struct NameVariantMix: Sendable, Hashable {
    /// Kazakh letter → Russian look-alike. Default `4`.
    public var kazakhLetterRussianised: Double
    /// Latin transliteration. Default `1`.
    public var latinTransliteration: Double
    /// One-letter typo. Default `3`.
    public var typo: Double
    /// Surname and first name swapped. Default `1`.
    public var firstLastSwapped: Double
    /// Patronymic missing. Default `2`.
    public var patronymicMissing: Double

    /// Creates the weights (defaults as documented).
    public init(kazakhLetterRussianised: Double = 4, latinTransliteration: Double = 1, typo: Double = 3, firstLastSwapped: Double = 1,
                patronymicMissing: Double = 2) {
        self.kazakhLetterRussianised = kazakhLetterRussianised
        self.latinTransliteration = latinTransliteration
        self.typo = typo
        self.firstLastSwapped = firstLastSwapped
        self.patronymicMissing = patronymicMissing
    }
}

/// Parent declarations: how many, how noisy, how fraudulent.
public struct DeclarationRates: Sendable, Hashable {
    /// Share of living children aged 5–17 with a living parent whose parent files a declaration. Default `0.3`.
    public var childShare: Double
    /// Probability of each kind of typing noise per declaration. Default `0.15`.
    public var noiseRate: Double
    /// Share of declarations with a child IIN that belongs to nobody. Default `0.01`.
    public var nonExistentIIN: Double
    /// Share of declarations for someone else's child. Default `0.01`.
    public var someoneElsesChild: Double
    /// Share of declarations for a deceased child (limited by how many died). Default `0.005`.
    public var deceasedChild: Double
    /// Share of declarations naming a region the child is not registered in. Default `0.01`.
    public var wrongRegion: Double

    /// Creates the rates (defaults as documented).
    public init(childShare: Double = 0.3, noiseRate: Double = 0.15, nonExistentIIN: Double = 0.01, someoneElsesChild: Double = 0.01,
                deceasedChild: Double = 0.005, wrongRegion: Double = 0.01) {
        self.childShare = childShare
        self.noiseRate = noiseRate
        self.nonExistentIIN = nonExistentIIN
        self.someoneElsesChild = someoneElsesChild
        self.deceasedChild = deceasedChild
        self.wrongRegion = wrongRegion
    }
}
