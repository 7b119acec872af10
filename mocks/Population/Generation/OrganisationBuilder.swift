import Identifiers

/// Everything the generator decides about organisations before building registry views.
struct Organisations: Sendable {
    var schools: [School] = []
    var polyclinicsByRegion: [[BIN]] = []
    var legalEntities: [LegalEntityRecord] = []
    var entrepreneurs: [EntrepreneurFacts] = []
    var educators: [EducatorFacts] = []
    /// Per person: the true school placement (living pupils only).
    var placements: [SchoolPlacement?] = []
    /// Per person: the placement a deceased child had when they died (the stale НОБД record of a dead soul).
    var stalePlacements: [Int: SchoolPlacement] = [:]
}

/// An individual entrepreneur as they really are (the business view may misspell or miss them).
struct EntrepreneurFacts: Sendable {
    let person: Int
    let tradeName: String
    let registeredOn: CalendarDate
    let status: EntrepreneurStatus
    let statusChangedOn: CalendarDate?
    let activity: Activity
}

/// A teacher or coach as they really are.
struct EducatorFacts: Sendable {
    let person: Int
    let employer: ProviderID
    let position: EducatorPosition
    let diplomas: [Diploma]
    let category: QualificationCategory
    let categoryAssignedOn: CalendarDate?
    let categoryValidUntil: CalendarDate?
    let experienceYears: Int
}

/// Builds schools, polyclinics, clubs, entrepreneurs, coaches and school placements.
struct OrganisationBuilder {
    let configuration: PopulationConfiguration
    private var random: PopulationRandom

    init(configuration: PopulationConfiguration) {
        self.configuration = configuration
        random = PopulationRandom(seed: configuration.seed, stream: .organisations)
    }

    private static let sportsNames = ["Барыс", "Сұңқар", "Алтын Бүркіт", "Номад", "Олимп", "Чемпион", "Жеңіс", "Тұлпар", "Атлант", "Старт", "Қыран", "Арлан"]
    private static let cultureNames = ["Домбыра", "Шабыт", "Өнер", "Арт-Студия", "Мелодия", "Жұлдыз", "Сазген", "Палитра", "Көктем"]
    private static let otherNames = ["Альфа", "Бейбарс", "Казстрой", "Береке", "Капитал", "Сервис Плюс", "Дала Трейд", "Нұр Құрылыс"]

    mutating func build(people: [PersonDraft], iins: [IIN], identifiers: inout IdentifierAllocator) -> Organisations {
        let today = configuration.referenceDate
        var result = Organisations()
        let regionIndex = Dictionary(uniqueKeysWithValues: Region.all.enumerated().map { ($1.kato, $0) })
        var peopleByRegion = [[Int]](repeating: [], count: Region.all.count)
        var childrenByRegion = [Int](repeating: 0, count: Region.all.count)
        for (index, person) in people.enumerated() {
            let region = regionIndex[person.address.regionKATO] ?? 0
            peopleByRegion[region].append(index)
            if (6...17).contains(person.birthDate.years(until: today)) { childrenByRegion[region] += 1 }
        }
        let livingAdults = people.indices.filter { people[$0].deathDate == nil && people[$0].birthDate.years(until: today) >= 25 }

        // Schools and polyclinics: state institutions, one per ~600 pupils / ~10,000 residents per region.
        var schoolsByRegion = [[Int]](repeating: [], count: Region.all.count)
        result.polyclinicsByRegion = [[BIN]](repeating: [], count: Region.all.count)
        for (regionNumber, region) in Region.all.enumerated() {
            let schoolCount = max(1, (childrenByRegion[regionNumber] + 599) / 600)
            for number in 1...schoolCount {
                let registered = CalendarDate.random(from: CalendarDate(year: 1996, month: 1, day: 1)!, to: CalendarDate(year: 2012, month: 12, day: 31)!, using: &random)
                let bin = identifiers.bin(registeredOn: registered, entityType: .residentLegalEntity, asOf: today)
                let language: InstructionLanguage = random.chance(region.kazakhShare * 0.7) ? .kazakh : (random.chance(0.5) ? .mixed : .russian)
                let school = School(bin: bin, nameRu: "КГУ «Средняя школа № \(number)»", nameKz: "«№ \(number) жалпы орта мектебі» КММ",
                                    katoCode: region.centreKATO, language: language)
                schoolsByRegion[regionNumber].append(result.schools.count)
                result.schools.append(school)
                result.legalEntities.append(
                    entity(bin: bin, nameRu: school.nameRu, nameKz: school.nameKz, form: .communalInstitution, registered: registered,
                           status: .active, changed: nil, activity: .generalSecondaryEducation, region: region, heads: livingAdults, people: people, iins: iins))
            }
            let clinicCount = max(1, (peopleByRegion[regionNumber].count + 9_999) / 10_000)
            for number in 1...clinicCount {
                let registered = CalendarDate.random(from: CalendarDate(year: 1998, month: 1, day: 1)!, to: CalendarDate(year: 2015, month: 12, day: 31)!, using: &random)
                let bin = identifiers.bin(registeredOn: registered, entityType: .residentLegalEntity, asOf: today)
                result.polyclinicsByRegion[regionNumber].append(bin)
                result.legalEntities.append(
                    entity(bin: bin, nameRu: "КГП на ПХВ «Городская поликлиника № \(number)»", nameKz: "«№ \(number) қалалық емхана» ШЖҚ КМК",
                           form: .communalEnterprise, registered: registered, status: .active, changed: nil, activity: .generalMedicalPractice,
                           region: region, heads: livingAdults, people: people, iins: iins))
            }
        }

        // Clubs and other companies.
        let activities: [Activity] = [.sportsEducation, .sportsClub, .culturalEducation, .retail, .construction, .consulting]
        let entityCount = Int((Double(people.count) * configuration.providers.legalEntityRate).rounded())
        let regionWeights = Region.all.map { Double($0.population) }
        for _ in 0..<entityCount {
            let region = Region.all[random.weighted(regionWeights)]
            let activity = activities[random.weighted([0.2, 0.2, 0.2, 0.15, 0.1, 0.15])]
            let formIndex = random.weighted([0.88, 0.04, 0.08])
            let form: LegalForm = [.llp, .jsc, .jointEntrepreneurship][formIndex]
            let registered = CalendarDate.random(from: CalendarDate(year: 2000, month: 1, day: 1)!, to: today, using: &random)
            let bin = identifiers.bin(registeredOn: registered, entityType: form == .jointEntrepreneurship ? .jointEntrepreneur : .residentLegalEntity, asOf: today)
            let label: String
            switch activity {
            case .sportsEducation: label = "Детско-юношеская спортивная школа «" + random.pick(Self.sportsNames) + "»"
            case .sportsClub: label = "Спортивный клуб «" + random.pick(Self.sportsNames) + "»"
            case .culturalEducation: label = "Школа искусств «" + random.pick(Self.cultureNames) + "»"
            default: label = "«" + random.pick(Self.otherNames) + "»"
            }
            let kzSuffix: String = switch form {
            case .jsc: " АҚ"
            case .jointEntrepreneurship: " ЖК(Б)"
            default: " ЖШС"
            }
            let (status, changed) = entityStatus(registered: registered)
            result.legalEntities.append(
                entity(bin: bin, nameRu: form.rawValue + " " + label, nameKz: label + kzSuffix, form: form, registered: registered, status: status,
                       changed: changed, activity: activity, region: region, heads: livingAdults, people: people, iins: iins))
        }

        // Individual entrepreneurs, then coaches and teachers.
        let voucherEntities = result.legalEntities.filter { $0.activity.isVoucherProvider }.map { ProviderID.bin($0.bin) }
        var voucherEntrepreneurs: [ProviderID] = []
        let entrepreneurActivities: [Activity] = [.sportsEducation, .culturalEducation, .sportsClub, .retail, .consulting]
        for (index, person) in people.enumerated() where person.deathDate == nil {
            let age = person.birthDate.years(until: today)
            guard (20...70).contains(age), random.chance(configuration.providers.entrepreneurRate) else { continue }
            let activity = entrepreneurActivities[random.weighted([0.2, 0.2, 0.1, 0.3, 0.2])]
            let registered = CalendarDate.random(from: person.birthDate.adding(years: 19), to: today, using: &random)
            let (status, changed) = entrepreneurStatus(registered: registered)
            let suffix = switch activity {
            case .sportsEducation, .sportsClub: " Спорт"
            case .culturalEducation: " Арт"
            default: ""
            }
            result.entrepreneurs.append(
                EntrepreneurFacts(person: index, tradeName: "ИП «" + NameVariants.titleCased(person.surname) + suffix + "»", registeredOn: registered,
                                  status: status, statusChangedOn: changed, activity: activity))
            if activity.isVoucherProvider { voucherEntrepreneurs.append(.iin(iins[index])) }
        }

        let schoolProviders = result.schools.map { ProviderID.bin($0.bin) }
        let cultural = Set(result.legalEntities.filter { $0.activity == .culturalEducation }.map(\.bin))
        var culturalEntrepreneurs = Set<IIN>()
        for facts in result.entrepreneurs where facts.activity == .culturalEducation { culturalEntrepreneurs.insert(iins[facts.person]) }
        for (index, person) in people.enumerated() where person.deathDate == nil {
            let age = person.birthDate.years(until: today)
            guard (22...65).contains(age), random.chance(configuration.providers.coachRate) else { continue }
            let employerKind = random.weighted([0.5, 0.2, 0.3])
            let employer: ProviderID
            if employerKind == 0, !voucherEntities.isEmpty {
                employer = random.pick(voucherEntities)
            } else if employerKind == 1, !voucherEntrepreneurs.isEmpty {
                employer = random.pick(voucherEntrepreneurs)
            } else {
                employer = random.pick(schoolProviders)
            }
            let position: EducatorPosition
            switch employer {
            case .bin(let bin) where cultural.contains(bin): position = .additionalEducationTeacher
            case .iin(let iin) where culturalEntrepreneurs.contains(iin): position = .additionalEducationTeacher
            case .bin where schoolProviders.contains(employer): position = .physicalEducationTeacher
            default: position = .coach
            }
            result.educators.append(educator(person: index, birth: person.birthDate, employer: employer, position: position))
        }

        // School placements for children 6–17 (grade = age − 6; grade 0 is the pre-school class).
        result.placements = Array(repeating: nil, count: people.count)
        for (index, person) in people.enumerated() {
            let age = person.birthDate.years(until: today)
            guard (6...17).contains(age) else { continue }
            let enrolled = random.chance(configuration.life.schoolEnrolmentRate)
            let regionNumber = regionIndex[person.address.regionKATO] ?? 0
            let school = result.schools[random.pick(schoolsByRegion[regionNumber])]
            let grade = age - 6
            let firstYear = CalendarDate(year: today.year - grade, month: 9, day: 1)!
            let enrolledOn = random.chance(0.1) ? CalendarDate.random(from: firstYear, to: today, using: &random) : firstYear
            let language: InstructionLanguage =
                school.language == .mixed ? (person.ethnicity == .kazakh && random.chance(0.7) ? .kazakh : .russian) : school.language
            let placement = SchoolPlacement(
                schoolBIN: school.bin, grade: grade, classLetter: random.pick(["А", "Б", "В", "Г"]), language: language, enrolledOn: enrolledOn)
            if person.deathDate != nil {
                result.stalePlacements[index] = placement
            } else if enrolled {
                result.placements[index] = placement
            }
        }
        return result
    }

    private static let institutions: [(EducationLevel, String)] = [
        (.higher, "Казахская академия спорта и туризма"), (.higher, "Казахский национальный педагогический университет имени Абая"),
        (.higher, "Карагандинский университет имени Е. А. Букетова"), (.higher, "Павлодарский педагогический университет"),
        (.higher, "Южно-Казахстанский университет имени М. Ауэзова"), (.higher, "Казахская национальная консерватория имени Курмангазы"),
        (.tvet, "Колледж олимпийского резерва"), (.tvet, "Педагогический колледж"), (.tvet, "Колледж искусств"),
    ]

    private mutating func educator(person: Int, birth: CalendarDate, employer: ProviderID, position: EducatorPosition) -> EducatorFacts {
        let today = configuration.referenceDate
        let artistic = position == .additionalEducationTeacher
        let candidates = Self.institutions.filter { artistic ? ($0.1.contains("консерватория") || $0.1.contains("искусств") || $0.1.contains("Педагогический")) : !($0.1.contains("консерватория") || $0.1.contains("искусств")) }
        let (level, institution) = random.pick(candidates)
        let graduation = min(today.year - 1, birth.year + (level == .higher ? random.int(in: 21...25) : random.int(in: 19...22)))
        let newCodes = graduation >= 2019
        let specialty = artistic ? (random.chance(0.5) ? "Музыкальное образование" : "Хореография") : "Физическая культура и спорт"
        let code = artistic ? (newCodes ? "6B01402" : "5B010600") : (newCodes ? "6B01401" : "5B010800")
        var number = String(random.int(below: 10_000_000))
        number = String(repeating: "0", count: 7 - number.count) + number
        let diploma = Diploma(level: level, institution: institution, specialty: specialty, specialtyCode: code,
                              series: level == .higher ? "ЖБ-Б" : "ТКБ", number: number, graduationYear: graduation)
        let categories = QualificationCategory.allCases
        let category = categories[random.weighted([0.25, 0.25, 0.2, 0.12, 0.03, 0.05, 0.04, 0.04, 0.02])]
        var assigned: CalendarDate?
        var validUntil: CalendarDate?
        switch category {
        case .pedagog, .noCategory: break
        case .second, .first, .highest:
            // The old scale: assigned long ago, often expired by now.
            let date = CalendarDate.random(from: today.adding(years: -10), to: today.adding(years: -4), using: &random)
            assigned = date
            validUntil = date.adding(years: 5)
        default:
            let date = CalendarDate.random(from: today.adding(years: -5), to: today, using: &random)
            assigned = date
            validUntil = date.adding(years: 5)
        }
        let experience = max(0, min(today.year - graduation, random.int(in: 0...40)))
        return EducatorFacts(person: person, employer: employer, position: position, diplomas: [diploma], category: category,
                             categoryAssignedOn: assigned, categoryValidUntil: validUntil, experienceYears: experience)
    }

    private mutating func entityStatus(registered: CalendarDate) -> (LegalEntityStatus, CalendarDate?) {
        let provider = configuration.providers
        let roll = random.unit()
        if roll < provider.activeShare { return (.active, nil) }
        let changed = CalendarDate.random(from: registered, to: configuration.referenceDate, using: &random)
        if roll < provider.activeShare + provider.suspendedShare { return (.liquidating, changed) }
        return (random.chance(0.8) ? .liquidated : .reorganized, changed)
    }

    private mutating func entrepreneurStatus(registered: CalendarDate) -> (EntrepreneurStatus, CalendarDate?) {
        let provider = configuration.providers
        let roll = random.unit()
        if roll < provider.activeShare { return (.active, nil) }
        let changed = CalendarDate.random(from: registered, to: configuration.referenceDate, using: &random)
        return (roll < provider.activeShare + provider.suspendedShare ? .suspended : .terminated, changed)
    }

    private mutating func entity(
        bin: BIN, nameRu: String, nameKz: String, form: LegalForm, registered: CalendarDate, status: LegalEntityStatus, changed: CalendarDate?,
        activity: Activity, region: Region, heads: [Int], people: [PersonDraft], iins: [IIN]
    ) -> LegalEntityRecord {
        let head = heads.isEmpty ? nil : random.pick(heads)
        let headName = head.map { index in
            [people[index].surname, people[index].firstName, people[index].patronymic].compactMap { $0 }.joined(separator: " ")
        } ?? ""
        let address = (region.isCity ? region.nameRu : "г. " + region.centreRu) + ", " + random.pick(StreetNames.all) + ", д. " + String(random.int(in: 1...120))
        return LegalEntityRecord(
            bin: bin, nameRu: nameRu, nameKz: nameKz, legalForm: form, registeredOn: registered, status: status, statusChangedOn: changed,
            activity: activity, katoCode: region.centreKATO, address: address, headIIN: head.map { iins[$0] }, headFullName: headName)
    }
}
