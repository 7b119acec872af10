import Identifiers
import Population
import XMLSupport

/// ГБД ФЛ operations: person by IIN, and ЗАГС birth records (parent–child links) by IIN.
///
/// Request payload: any element named `iin` (e.g. `p:PersonRequest/p:iin`), or the IIN as the escaped string.
enum IndividualsOperations {
    static func operations(population: Population, serviceIds: ServiceIdentifiers) -> [String: SyncChannelService.Operation] {
        let registry = population.individuals
        return [
            serviceIds.person: { call in
                guard let iin = call.identifier(named: "iin").flatMap({ try? IIN($0) }) else {
                    return RegistryAnswer(party: .individuals, result: .invalidIdentifier)
                }
                guard let record = registry.person(iin) else { return RegistryAnswer(party: .individuals, result: .notFound) }
                return RegistryAnswer(party: .individuals, result: .success) { writer in
                    writer.startElement("persons")
                    writer.person(record)
                    writer.endElement()
                }
            },
            serviceIds.birthRecords: { call in
                guard let iin = call.identifier(named: "iin").flatMap({ try? IIN($0) }) else {
                    return RegistryAnswer(party: .individuals, result: .invalidIdentifier)
                }
                let acts = registry.birthRecords(involving: iin)
                guard !acts.isEmpty else { return RegistryAnswer(party: .individuals, result: .notFound) }
                return RegistryAnswer(party: .individuals, result: .success) { writer in
                    writer.startElement("birthRecords")
                    for act in acts { writer.birthRecord(act, registry: registry) }
                    writer.endElement()
                }
            },
        ]
    }
}

extension XMLWriter {
    /// `<person>` in the ГБД ФЛ shape (`registries.md` §1).
    mutating func person(_ record: IndividualRecord) {
        startElement("person")
        registryPersonFields(record.person)
        element("engSurname", text: record.engSurname)
        element("engFirstName", text: record.engFirstName)
        let nationality = record.nationality
        dictionary("nationality", code: nationality.nationalityCode, nameRu: nationality.nameRu, nameKz: nationality.nameKz)
        let citizenship = Citizenship.names(record.citizenshipCode)
        dictionary("citizenship", code: record.citizenshipCode, nameRu: citizenship.nameRu, nameKz: citizenship.nameKz)
        dictionary("lifeStatus", code: record.lifeStatus.rawValue, nameRu: record.lifeStatus.nameRu, nameKz: record.lifeStatus.nameKz)
        optionalElement("deathDate", text: record.deathDate?.description)
        let address = record.address
        startElement("regAddress")
        element("katoCode", text: address.katoCode)
        dictionary("country", code: "398", nameRu: "КАЗАХСТАН", nameKz: "ҚАЗАҚСТАН")
        if let region = address.region {
            dictionary("region", code: region.kato, nameRu: region.nameRu, nameKz: region.nameKz)
        }
        element("city", text: address.locality)
        element("street", text: address.street)
        element("building", text: String(address.building))
        optionalElement("flat", text: address.flat.map(String.init))
        dictionary("status", code: "1", nameRu: "Зарегистрирован", nameKz: "Тіркелген")
        endElement()
        startElement("documents")
        endElement()
        endElement()
    }

    /// `iin`, `surname`, `name`, `patronymic`, `birthDate`, `gender` of a registry's view of a person.
    mutating func registryPersonFields(_ person: RegistryPerson) {
        element("iin", text: person.iin.unmasked)
        element("surname", text: person.surname)
        element("name", text: person.firstName)
        optionalElement("patronymic", text: person.patronymic)
        element("birthDate", text: person.birthDate.description)
        switch person.gender {
        case .male: dictionary("gender", code: "1", nameRu: "Мужской", nameKz: "Ер")
        case .female: dictionary("gender", code: "2", nameRu: "Женский", nameKz: "Әйел")
        }
    }

    /// `<birthRecord>` (mock shape, `registries.md` §2); names of the parties as ГБД ФЛ holds them.
    mutating func birthRecord(_ act: BirthRecord, registry: IndividualsRegistry) {
        startElement("birthRecord")
        element("actNumber", text: act.actNumber)
        element("actDate", text: act.actDate.description)
        startElement("registrationBody")
        element("katoCode", text: act.registrationKATO)
        element("nameRu", text: "Отдел регистрации актов гражданского состояния")
        endElement()
        party("child", iin: act.childIIN, registry: registry)
        if let mother = act.motherIIN { party("mother", iin: mother, registry: registry) }
        if let basis = act.fatherBasis {
            startElement("father")
            if let father = act.fatherIIN, let record = registry.person(father) {
                element("iin", text: father.unmasked)
                element("surname", text: record.person.surname)
                element("name", text: record.person.firstName)
                optionalElement("patronymic", text: record.person.patronymic)
            } else if let father = act.fatherIIN {
                element("iin", text: father.unmasked)
            }
            element("basis", text: basis.rawValue)
            endElement()
        }
        element("status", text: "ACTIVE")
        endElement()
    }

    private mutating func party(_ role: String, iin: IIN, registry: IndividualsRegistry) {
        startElement(role)
        element("iin", text: iin.unmasked)
        if let record = registry.person(iin) {
            element("surname", text: record.person.surname)
            element("name", text: record.person.firstName)
            optionalElement("patronymic", text: record.person.patronymic)
            element("birthDate", text: record.person.birthDate.description)
        }
        endElement()
    }
}

extension Ethnicity {
    /// Dictionary names (Russian, Kazakh), upper case as ГБД ФЛ prints them; only `005` is a real code.
    var nameRu: String {
        switch self {
        case .kazakh: "КАЗАХ"
        case .russian: "РУССКИЙ"
        case .ukrainian: "УКРАИНЕЦ"
        case .german: "НЕМЕЦ"
        case .korean: "КОРЕЕЦ"
        case .tatar: "ТАТАРИН"
        case .uzbek: "УЗБЕК"
        case .uyghur: "УЙГУР"
        }
    }

    var nameKz: String {
        switch self {
        case .kazakh: "ҚАЗАҚ"
        case .russian: "ОРЫС"
        case .ukrainian: "УКРАИН"
        case .german: "НЕМІС"
        case .korean: "КӘРІС"
        case .tatar: "ТАТАР"
        case .uzbek: "ӨЗБЕК"
        case .uyghur: "ҰЙҒЫР"
        }
    }
}

/// Citizenship dictionary names for the ISO 3166 numeric codes the population uses.
enum Citizenship {
    static func names(_ code: String) -> (nameRu: String, nameKz: String) {
        switch code {
        case "398": ("КАЗАХСТАН", "ҚАЗАҚСТАН")
        case "643": ("РОССИЯ", "РЕСЕЙ")
        case "860": ("УЗБЕКИСТАН", "ӨЗБЕКСТАН")
        case "417": ("КЫРГЫЗСТАН", "ҚЫРҒЫЗСТАН")
        case "840": ("США", "АҚШ")
        default: ("ИНОЕ ГОСУДАРСТВО", "БАСҚА МЕМЛЕКЕТ")
        }
    }
}
