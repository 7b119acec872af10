import Identifiers

/// Builds parent declarations as typed at registration: honest ones with realistic noise, and deliberate
/// fraud, each with its ground truth.
struct DeclarationBuilder {
    let configuration: PopulationConfiguration
    let people: [Person]
    let parentIndexes: [(mother: Int, father: Int)]
    /// Voucher providers (clubs, schools of arts, entrepreneurs) with their activity.
    let providers: [(id: ProviderID, activity: Activity)]
    private var random: PopulationRandom

    private static let sportSections = ["Футбол", "Плавание", "Бокс", "Таэквондо", "Шахматы", "Волейбол", "Борьба", "Лёгкая атлетика"]
    private static let artSections = ["Домбра", "Хореография", "Вокал", "Рисование", "Театральная студия"]

    init(configuration: PopulationConfiguration, people: [Person], parentIndexes: [(mother: Int, father: Int)],
         providers: [(id: ProviderID, activity: Activity)]) {
        self.configuration = configuration
        self.people = people
        self.parentIndexes = parentIndexes
        self.providers = providers
        random = PopulationRandom(seed: configuration.seed, stream: .declarations)
    }

    mutating func build(identifiers: inout IdentifierAllocator) -> ([Declaration], [DeclarationTruth]) {
        let today = configuration.referenceDate
        let rates = configuration.declarations
        guard !providers.isEmpty else { return ([], []) }
        func isChild(_ person: Person) -> Bool { (5...17).contains(person.age(on: today)) }
        let living = people.indices.filter { people[$0].deathDate == nil && isChild(people[$0]) }
        let deceased = people.indices.filter { people[$0].deathDate != nil && isChild(people[$0]) }
        var declarations: [Declaration] = []
        var truths: [DeclarationTruth] = []
        for childIndex in living {
            let (motherIndex, fatherIndex) = parentIndexes[childIndex]
            let motherAlive = motherIndex >= 0 && people[motherIndex].deathDate == nil
            let fatherAlive = fatherIndex >= 0 && people[fatherIndex].deathDate == nil
            guard motherAlive || fatherAlive, random.chance(rates.childShare) else { continue }
            let parent = people[motherAlive && (!fatherAlive || random.chance(0.7)) ? motherIndex : fatherIndex]
            var child = people[childIndex]
            var declaredIIN = child.iin
            var truthChild: IIN? = child.iin
            var region = Region.byKATO(child.address.regionKATO)?.nameRu ?? ""
            let trueRegion = child.address.regionKATO

            var fraud: FraudKind?
            let roll = random.unit()
            var threshold = rates.nonExistentIIN
            if roll < threshold {
                fraud = .nonExistentIIN
                declaredIIN = identifiers.unusedIIN(birthDate: child.birthDate, gender: child.gender)
                truthChild = nil
            } else if roll < (threshold + rates.someoneElsesChild) {
                let other = people[random.pick(living)]
                if other.householdID != child.householdID {
                    fraud = .someoneElsesChild
                    child = other
                    declaredIIN = other.iin
                    truthChild = other.iin
                    region = Region.byKATO(other.address.regionKATO)?.nameRu ?? ""
                }
            } else if roll < (threshold + rates.someoneElsesChild + rates.deceasedChild) {
                if !deceased.isEmpty {
                    let dead = people[random.pick(deceased)]
                    fraud = .deceasedChild
                    child = dead
                    declaredIIN = dead.iin
                    truthChild = dead.iin
                    region = Region.byKATO(dead.address.regionKATO)?.nameRu ?? ""
                }
            } else {
                threshold += rates.someoneElsesChild + rates.deceasedChild + rates.wrongRegion
                if roll < threshold {
                    let current = child.address.regionKATO
                    var other = random.pick(Region.all)
                    while other.kato == current { other = random.pick(Region.all) }
                    fraud = .wrongRegion
                    region = other.nameRu
                }
            }
            let provider = random.pick(providers)
            let section = provider.activity == .culturalEducation ? random.pick(Self.artSections) : random.pick(Self.sportSections)
            let id = "D" + padded(declarations.count + 1, 7)
            let submitted = today.adding(days: -random.int(in: 0...60))
            let submittedAt = submitted.description + " " + padded(random.int(in: 8...22), 2) + ":" + padded(random.int(below: 60), 2)

            var typed = TypedDeclaration(parent: parent, child: child, declaredChildIIN: declaredIIN, birthDate: child.birthDate)
            let noise = typed.applyNoise(rate: rates.noiseRate, using: &random)
            declarations.append(Declaration(
                id: id, submittedAt: submittedAt, parentIIN: typed.parentIIN, parentSurname: typed.parentSurname,
                parentFirstName: typed.parentFirstName, parentPatronymic: typed.parentPatronymic, parentPhone: typed.parentPhone,
                childIIN: typed.childIIN, childSurname: typed.childSurname, childFirstName: typed.childFirstName,
                childPatronymic: typed.childPatronymic, childBirthDate: typed.childBirthDate, region: region,
                providerID: provider.id.digits, section: section))
            truths.append(DeclarationTruth(declarationID: id, fraud: fraud, noise: noise, parentIIN: parent.iin, childIIN: truthChild,
                                           childRegionKATO: truthChild == nil ? trueRegion : child.address.regionKATO))
        }
        return (declarations, truths)
    }
}

func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

/// The text fields a parent types, starting from clean values (title-case names, dd.MM.yyyy, +7 phone).
private struct TypedDeclaration {
    var parentIIN: String
    var parentSurname: String
    var parentFirstName: String
    var parentPatronymic: String
    var parentPhone: String
    var childIIN: String
    var childSurname: String
    var childFirstName: String
    var childPatronymic: String
    var childBirthDate: String
    let birthDate: CalendarDate

    init(parent: Person, child: Person, declaredChildIIN: IIN, birthDate: CalendarDate) {
        parentIIN = parent.iin.unmasked
        parentSurname = NameVariants.titleCased(parent.surname)
        parentFirstName = NameVariants.titleCased(parent.firstName)
        parentPatronymic = parent.patronymic.map(NameVariants.titleCased) ?? ""
        parentPhone = parent.phone ?? ""
        childIIN = declaredChildIIN.unmasked
        childSurname = NameVariants.titleCased(child.surname)
        childFirstName = NameVariants.titleCased(child.firstName)
        childPatronymic = child.patronymic.map(NameVariants.titleCased) ?? ""
        self.birthDate = birthDate
        childBirthDate = padded(birthDate.day, 2) + "." + padded(birthDate.month, 2) + "." + String(birthDate.year)
    }

    private var names: [String] { [parentSurname, parentFirstName, parentPatronymic, childSurname, childFirstName, childPatronymic] }

    private mutating func mapNames(_ transform: (String) -> String) {
        parentSurname = transform(parentSurname)
        parentFirstName = transform(parentFirstName)
        parentPatronymic = transform(parentPatronymic)
        childSurname = transform(childSurname)
        childFirstName = transform(childFirstName)
        childPatronymic = transform(childPatronymic)
    }

    /// Applies each kind of noise with probability `rate` where it can apply; returns what was applied.
    mutating func applyNoise(rate: Double, using random: inout PopulationRandom) -> [NoiseKind] {
        var applied: [NoiseKind] = []
        for kind in NoiseKind.allCases {
            guard random.chance(rate) else { continue }
            switch kind {
            case .nameCase:
                let lower = random.chance(0.6)
                mapNames { lower ? $0.lowercased() : $0.uppercased() }
            case .extraSpaces:
                switch random.int(below: 3) {
                case 0: childSurname = " " + childSurname
                case 1: childFirstName += "  "
                default: parentSurname = parentSurname + " "
                }
            case .russianisedLetters:
                let before = names
                let latinI = random.chance(0.3)
                mapNames { name in
                    latinI ? String(name.map { $0 == "і" ? "i" : $0 == "І" ? "I" : $0 }) : NameVariants.russianised(name)
                }
                if names == before { continue }
            case .dateFormat:
                let d = birthDate
                childBirthDate = switch random.int(below: 5) {
                case 0: "\(d.day).\(d.month).\(d.year)"
                case 1: d.description
                case 2: padded(d.day, 2) + "/" + padded(d.month, 2) + "/" + String(d.year)
                case 3: padded(d.day, 2) + "-" + padded(d.month, 2) + "-" + String(d.year)
                default: padded(d.day, 2) + "." + padded(d.month, 2) + "." + padded(d.year % 100, 2)
                }
            case .phoneFormat:
                guard parentPhone.hasPrefix("+7"), parentPhone.count == 12 else { continue }
                let digits = Array(parentPhone.dropFirst(2))
                let code = String(digits[0..<3])
                let a = String(digits[3..<6])
                let b = String(digits[6..<8])
                let c = String(digits[8..<10])
                parentPhone = switch random.int(below: 5) {
                case 0: "8" + String(digits)
                case 1: "8 (\(code)) \(a)-\(b)-\(c)"
                case 2: "+7 \(code) \(a) \(b) \(c)"
                case 3: String(digits)
                default: "8-\(code)-\(a)-\(b)-\(c)"
                }
            case .iinSeparators:
                func spaced(_ text: String) -> String {
                    let characters = Array(text)
                    return random.chance(0.5)
                        ? String(characters[0..<6]) + " " + String(characters[6...])
                        : String(characters[0..<4]) + " " + String(characters[4..<8]) + " " + String(characters[8...])
                }
                if random.chance(0.5) { childIIN = spaced(childIIN) } else { parentIIN = spaced(parentIIN) }
            case .patronymicOmitted:
                if !childPatronymic.isEmpty && (parentPatronymic.isEmpty || random.chance(0.6)) {
                    childPatronymic = ""
                } else if !parentPatronymic.isEmpty {
                    parentPatronymic = ""
                } else {
                    continue
                }
            }
            applied.append(kind)
        }
        return applied
    }
}
