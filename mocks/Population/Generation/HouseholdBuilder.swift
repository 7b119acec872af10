import Identifiers

/// Builds households — parents, children, names, address, phones, deaths — in independent seeded chunks.
///
/// A chunk depends only on the seed and its index, so chunks can be built on any thread and concatenated in
/// order. Parent links inside a chunk are chunk-local indexes; `offset` shifts them when concatenating.
struct HouseholdBuilder: Sendable {
    let configuration: PopulationConfiguration
    let householdsPerChunk: Int
    private let bank = NameBank.shared
    private let regionWeights: [Double] = Region.all.map { Double($0.population) }
    private static let otherEthnicities: [Ethnicity] = [.russian, .ukrainian, .german, .korean, .tatar, .uzbek, .uyghur]
    private static let otherEthnicityWeights: [Double] = [0.6, 0.07, 0.05, 0.04, 0.07, 0.1, 0.07]
    private static let mobileCodes = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"]

    init(configuration: PopulationConfiguration, householdsPerChunk: Int = 2048) {
        self.configuration = configuration
        self.householdsPerChunk = householdsPerChunk
    }

    /// The people of chunk `chunk`, with parent links as global indexes given the chunk's starting `offset`.
    func chunk(_ chunk: Int) -> [PersonDraft] {
        var random = PopulationRandom(seed: configuration.seed, stream: .households, index: UInt64(chunk))
        var people: [PersonDraft] = []
        people.reserveCapacity(householdsPerChunk * 3)
        for household in 0..<householdsPerChunk {
            buildHousehold(id: chunk * householdsPerChunk + household, into: &people, using: &random)
        }
        return people
    }

    // MARK: - Households

    private struct Parent {
        var index: Int
        var maleEntry: MaleNameEntry?
        var surname: SurnameEntry
        var spelling: Spelling
    }

    private func buildHousehold(id: Int, into people: inout [PersonDraft], using random: inout PopulationRandom) {
        let today = configuration.referenceDate
        let region = Region.all[random.weighted(regionWeights)]
        let ethnicity: Ethnicity =
            random.chance(region.kazakhShare) ? .kazakh : Self.otherEthnicities[random.weighted(Self.otherEthnicityWeights)]
        let address = makeAddress(region: region, using: &random)
        let kind = random.weighted([0.55, 0.12, 0.15, 0.18])  // couple with children, single mother, elderly couple, single adult
        let surnames = bank.surnames[ethnicity] ?? []

        switch kind {
        case 0, 2:
            let ageRange = kind == 0 ? 23...58 : 58...88
            let fatherBirth = CalendarDate.random(
                from: today.adding(years: -ageRange.upperBound), to: today.adding(years: -ageRange.lowerBound), using: &random)
            let motherBirth = fatherBirth.adding(days: random.int(in: 0...(6 * 365)))
            let familySurname = random.pick(surnames)
            let father = addAdult(
                gender: .male, birth: fatherBirth, ethnicity: ethnicity, surname: familySurname, household: id, address: address,
                into: &people, using: &random)
            let wifeSurname = random.chance(0.55) ? familySurname : random.pick(surnames)
            let mother = addAdult(
                gender: .female, birth: motherBirth, ethnicity: ethnicity, surname: wifeSurname, household: id, address: address,
                into: &people, using: &random)
            if kind == 0 {
                let count = random.weighted([0.08, 0.25, 0.32, 0.22, 0.10, 0.03])
                addChildren(count: count, mother: mother, father: father, ethnicity: ethnicity, household: id, address: address,
                            into: &people, using: &random)
            }
        case 1:
            let motherBirth = CalendarDate.random(from: today.adding(years: -50), to: today.adding(years: -21), using: &random)
            let mother = addAdult(
                gender: .female, birth: motherBirth, ethnicity: ethnicity, surname: random.pick(surnames), household: id,
                address: address, into: &people, using: &random)
            addChildren(count: 1 + random.weighted([0.5, 0.35, 0.15]), mother: mother, father: nil, ethnicity: ethnicity,
                        household: id, address: address, into: &people, using: &random)
        default:
            let birth = CalendarDate.random(from: today.adding(years: -88), to: today.adding(years: -18), using: &random)
            _ = addAdult(
                gender: random.chance(0.5) ? .male : .female, birth: birth, ethnicity: ethnicity, surname: random.pick(surnames),
                household: id, address: address, into: &people, using: &random)
        }
    }

    private func addAdult(
        gender: Gender, birth: CalendarDate, ethnicity: Ethnicity, surname: SurnameEntry, household: Int, address: Address,
        into people: inout [PersonDraft], using random: inout PopulationRandom
    ) -> Parent {
        let spelling = spelling(for: ethnicity, birth: birth, using: &random)
        let lists = bank.firstNames(for: ethnicity, modern: birth.year >= 2008)
        var maleEntry: MaleNameEntry?
        let firstName: NameForms
        if gender == .male {
            let entry = random.pick(lists.male)
            maleEntry = entry
            firstName = entry.name
        } else {
            firstName = random.pick(lists.female)
        }
        // An adult's own father is not in the population: draw his name for the patronymic.
        let fatherName = random.pick(bank.firstNames(for: ethnicity, modern: false).male)
        let patronymic = patronymic(from: fatherName, gender: gender, ethnicity: ethnicity, birth: birth, using: &random)
        let surnameText = surname.form(gender == .male ? .male : .female, spelling)
        let draft = makeDraft(
            surname: surnameText, firstName: firstName.form(spelling), patronymic: patronymic?.form(spelling), birth: birth,
            gender: gender, ethnicity: ethnicity, household: household, address: address, mother: -1, father: -1, using: &random)
        people.append(draft)
        return Parent(index: people.count - 1, maleEntry: maleEntry, surname: surname, spelling: spelling)
    }

    private func addChildren(
        count: Int, mother: Parent, father: Parent?, ethnicity: Ethnicity, household: Int, address: Address,
        into people: inout [PersonDraft], using random: inout PopulationRandom
    ) {
        let today = configuration.referenceDate
        let motherBirth = people[mother.index].birthDate
        let earliest = max(motherBirth.adding(years: 19).dayNumber, today.adding(years: -22).dayNumber)
        let latest = min(motherBirth.adding(years: 43).dayNumber, today.adding(days: -1).dayNumber)
        guard count > 0, latest >= earliest else { return }
        var births = (0..<count).map { _ in CalendarDate(dayNumber: earliest + random.int(below: latest - earliest + 1)) }
        births.sort()
        // Kazakh families sometimes build the children's surname from the father's first name.
        let surnameStyle = ethnicity == .kazakh && father?.maleEntry != nil ? random.weighted([0.85, 0.09, 0.06]) : 0
        for birth in births {
            let gender: Gender = random.chance(0.512) ? .male : .female
            let spelling = spelling(for: ethnicity, birth: birth, using: &random)
            let lists = bank.firstNames(for: ethnicity, modern: birth.year >= 2008)
            let firstName = gender == .male ? random.pick(lists.male).name : random.pick(lists.female)
            let form: GenderForm = gender == .male ? .male : .female
            let surname: String
            if let father, let entry = father.maleEntry {
                switch surnameStyle {
                case 1: surname = (gender == .male ? entry.surnameForSon : entry.surnameForDaughter).form(spelling)
                case 2: surname = (gender == .male ? entry.sonKazakhPattern : entry.daughterKazakhPattern).form(spelling)
                default: surname = father.surname.form(form, spelling)
                }
            } else {
                surname = mother.surname.form(form, spelling)
            }
            var patronymic: NameForms?
            if let entry = father?.maleEntry {
                patronymic = self.patronymic(from: entry, gender: gender, ethnicity: ethnicity, birth: birth, using: &random)
            } else if random.chance(0.6) {
                // Father entered on the mother's statement: a name only.
                let statementFather = random.pick(bank.firstNames(for: ethnicity, modern: false).male)
                patronymic = self.patronymic(from: statementFather, gender: gender, ethnicity: ethnicity, birth: birth, using: &random)
            }
            var draft = makeDraft(
                surname: surname, firstName: firstName.form(spelling), patronymic: patronymic?.form(spelling), birth: birth,
                gender: gender, ethnicity: ethnicity, household: household, address: address, mother: mother.index,
                father: father?.index ?? -1, using: &random)
            let age = birth.years(until: today)
            if (6...17).contains(age), random.chance(configuration.life.childDeathRate) {
                let from = max(birth.adding(years: 6).dayNumber, today.adding(years: -3).dayNumber)
                draft.deathDate = CalendarDate(dayNumber: from + random.int(below: max(1, today.dayNumber - from)))
                draft.phone = nil
            }
            people.append(draft)
        }
    }

    // MARK: - Person parts

    private func makeDraft(
        surname: String, firstName: String, patronymic: String?, birth: CalendarDate, gender: Gender, ethnicity: Ethnicity,
        household: Int, address: Address, mother: Int, father: Int, using random: inout PopulationRandom
    ) -> PersonDraft {
        let today = configuration.referenceDate
        let style: PassportTransliteration.Style = random.chance(0.1) ? .icao : .english
        let age = birth.years(until: today)
        var deathDate: CalendarDate?
        if age >= 18, random.chance(configuration.life.adultDeathRate) {
            let from = max(birth.adding(years: 18).dayNumber, today.adding(years: -10).dayNumber)
            deathDate = CalendarDate(dayNumber: from + random.int(below: max(1, today.dayNumber - from)))
        }
        let hasPhone = deathDate == nil && (age >= 18 ? random.chance(0.95) : age >= 14 && random.chance(0.6))
        return PersonDraft(
            surname: surname, firstName: firstName, patronymic: patronymic, engSurname: bank.latin(surname, style: style),
            engFirstName: bank.latin(firstName, style: style), birthDate: birth, gender: gender, ethnicity: ethnicity,
            householdID: household, address: address, phone: hasPhone ? phone(using: &random) : nil, deathDate: deathDate,
            mother: mother, father: father)
    }

    private func spelling(for ethnicity: Ethnicity, birth: CalendarDate, using random: inout PopulationRandom) -> Spelling {
        guard ethnicity == .kazakh else { return .russianised }
        let rate = birth.year >= 1990 ? configuration.kazakhSpellingRate : configuration.kazakhSpellingRate / 2
        return random.chance(rate) ? .kazakh : .russianised
    }

    private func patronymic(
        from father: MaleNameEntry, gender: Gender, ethnicity: Ethnicity, birth: CalendarDate, using random: inout PopulationRandom
    ) -> NameForms? {
        let style: Int  // 0 Russian pattern, 1 Kazakh pattern, 2 none
        switch ethnicity {
        case .kazakh: style = birth.year >= 2005 ? random.weighted([0.45, 0.40, 0.15]) : random.weighted([0.60, 0.25, 0.15])
        case .uzbek, .uyghur, .tatar, .korean: style = random.weighted([0.9, 0, 0.1])
        case .russian, .ukrainian, .german: style = random.weighted([0.97, 0, 0.03])
        }
        switch style {
        case 0: return gender == .male ? father.sonRussianPattern : father.daughterRussianPattern
        case 1: return gender == .male ? father.sonKazakhPattern : father.daughterKazakhPattern
        default: return nil
        }
    }

    private func phone(using random: inout PopulationRandom) -> String {
        var text = "+7" + random.pick(Self.mobileCodes)
        let number = random.int(below: 10_000_000)
        let digits = String(number)
        text += String(repeating: "0", count: 7 - digits.count) + digits
        return text
    }

    private func makeAddress(region: Region, using random: inout PopulationRandom) -> Address {
        let street = random.pick(StreetNames.all)
        let building = random.int(in: 1...150)
        if region.isCity || random.chance(0.6) {
            let locality = region.isCity ? region.nameRu : "г. " + region.centreRu
            return Address(regionKATO: region.kato, katoCode: region.centreKATO, locality: locality, street: street, building: building,
                           flat: random.chance(0.7) ? random.int(in: 1...200) : nil)
        }
        let district = 20 + random.int(below: 30)
        let settlement = 1 + random.int(below: 30)
        let kato = region.prefix + String(district) + "3" + (settlement < 10 ? "0" : "") + String(settlement) + "00"
        let village = StreetNames.villages[(district * 31 + settlement) % StreetNames.villages.count]
        return Address(regionKATO: region.kato, katoCode: kato, locality: "с. " + village, street: street, building: building, flat: nil)
    }
}
