import Identifiers

/// Produces one registry's record view of a person, injecting name and birth-date defects at the registry's
/// rates and writing a ground-truth entry for each.
struct DefectInjector {
    let registry: RegistryKind
    let rates: DefectRates
    let mix: NameVariantMix
    private(set) var defects: [Defect] = []

    init(registry: RegistryKind, configuration: PopulationConfiguration) {
        self.registry = registry
        rates = configuration.defects[registry]
        mix = configuration.defects.nameVariantMix
    }

    /// The registry's view of `person`, possibly with one name defect and/or a day/month swap.
    mutating func view(of person: Person, using random: inout PopulationRandom) -> RegistryPerson {
        var surname = person.surname
        var firstName = person.firstName
        var patronymic = person.patronymic
        var birthDate = person.birthDate
        if random.chance(rates.nameVariant) {
            injectName(person, surname: &surname, firstName: &firstName, patronymic: &patronymic, using: &random)
        }
        if let swapped = person.birthDate.daySwappedWithMonth, random.chance(rates.birthDateSwap) {
            birthDate = swapped
            defects.append(Defect(registry: registry, kind: .birthDateDayMonthSwapped, iin: person.iin, field: .birthDate,
                                  truth: person.birthDate.description, recorded: swapped.description))
        }
        return RegistryPerson(iin: person.iin, surname: surname, firstName: firstName, patronymic: patronymic, birthDate: birthDate,
                              gender: person.gender)
    }

    /// Records that `person` is absent from this registry.
    mutating func missing(_ person: Person, kind: DefectKind) {
        defects.append(Defect(registry: registry, kind: kind, iin: person.iin, field: nil, truth: nil, recorded: nil))
    }

    /// Records a stale record (a dead soul).
    mutating func stale(_ person: Person) {
        defects.append(Defect(registry: registry, kind: .deadSoul, iin: person.iin, field: nil, truth: person.deathDate?.description, recorded: nil))
    }

    private mutating func injectName(
        _ person: Person, surname: inout String, firstName: inout String, patronymic: inout String?, using random: inout PopulationRandom
    ) {
        let kazakhFields: [DefectField] = [
            NameVariants.hasKazakhLetter(person.surname) ? .surname : nil,
            NameVariants.hasKazakhLetter(person.firstName) ? .firstName : nil,
            person.patronymic.map(NameVariants.hasKazakhLetter) == true ? .patronymic : nil,
        ].compactMap { $0 }
        let weights = [
            kazakhFields.isEmpty ? 0 : mix.kazakhLetterRussianised,
            mix.latinTransliteration,
            mix.typo,
            person.surname == person.firstName ? 0 : mix.firstLastSwapped,
            person.patronymic == nil ? 0 : mix.patronymicMissing,
        ]
        guard weights.contains(where: { $0 > 0 }) else { return }
        let nameField: DefectField = random.chance(0.5) ? .surname : .firstName
        let original = nameField == .surname ? person.surname : person.firstName
        switch random.weighted(weights) {
        case 0:
            let field = random.pick(kazakhFields)
            let truth = field == .surname ? person.surname : field == .firstName ? person.firstName : person.patronymic ?? ""
            let recorded = NameVariants.russianised(truth)
            switch field {
            case .surname: surname = recorded
            case .firstName: firstName = recorded
            default: patronymic = recorded
            }
            append(.nameKazakhLetterRussianised, person, field, truth, recorded)
        case 1:
            let recorded = PassportTransliteration.latin(original)
            if nameField == .surname { surname = recorded } else { firstName = recorded }
            append(.nameLatinTransliteration, person, nameField, original, recorded)
        case 2:
            let recorded = NameVariants.typo(original, using: &random)
            if nameField == .surname { surname = recorded } else { firstName = recorded }
            append(.nameTypo, person, nameField, original, recorded)
        case 3:
            surname = person.firstName
            firstName = person.surname
            append(.nameFirstLastSwapped, person, .fullName, person.surname + " " + person.firstName, person.firstName + " " + person.surname)
        default:
            patronymic = nil
            append(.patronymicMissing, person, .patronymic, person.patronymic, nil)
        }
    }

    private mutating func append(_ kind: DefectKind, _ person: Person, _ field: DefectField, _ truth: String?, _ recorded: String?) {
        defects.append(Defect(registry: registry, kind: kind, iin: person.iin, field: field, truth: truth, recorded: recorded))
    }
}
