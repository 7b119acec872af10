import Identifiers
import Normalization
import SyncChannelClient
import Verification
import XMLSupport

/// Pure mapping from ГБД ФЛ answer `data` to domain records (see README for the field table).
enum GBDFLMapping {
    /// The person in `data/persons/person` whose IIN is `iin`.
    static func person(from data: XMLElement, iin: IIN) throws(WireMappingError) -> PersonRecord {
        guard let persons = data.wireChild("persons") else { throw WireMappingError(field: "data/persons") }
        let people = persons.children(namespace: nil, localName: "person")
        guard let element = people.first(where: { $0.wireText("iin") == iin.unmasked }) else {
            throw WireMappingError(field: people.isEmpty ? "persons/person" : "persons/person/iin")
        }
        return try person(element)
    }

    /// One `<person>`.
    static func person(_ element: XMLElement) throws(WireMappingError) -> PersonRecord {
        let path = "person"
        let reference = try element.wirePersonReference(path: path)
        guard let iin = reference.iin else { throw WireMappingError(field: "person/iin") }
        let surname = try element.requiredWireText("surname", path: path)
        let firstName = try element.requiredWireText("name", path: path)
        var address: RegisteredAddress?
        if let reg = element.wireChild("regAddress") {
            let kato = reg.wireText("katoCode")
            let region = kato.flatMap { AdministrativeRegion(kato: $0) } ?? reg.wireCodedValue("region").flatMap { AdministrativeRegion(kato: $0.code) }
            address = RegisteredAddress(
                katoCode: kato, region: region, locality: reg.wireText("city"), street: reg.wireText("street"), building: reg.wireText("building"),
                flat: reg.wireText("flat"))
        }
        var documents: [IdentityDocument] = []
        for document in element.wireChild("documents")?.children(namespace: nil, localName: "document") ?? [] {
            guard let type = document.wireCodedValue("type"), let number = document.wireText("number") else {
                throw WireMappingError(field: "person/documents/document")
            }
            documents.append(
                IdentityDocument(
                    type: type, number: number, beginDate: try document.wireDate("beginDate", path: "document"),
                    endDate: try document.wireDate("endDate", path: "document"), status: document.wireCodedValue("status")))
        }
        return PersonRecord(
            iin: iin, surname: surname, firstName: firstName, patronymic: reference.patronymic, latinSurname: element.wireText("engSurname"),
            latinFirstName: element.wireText("engFirstName"), birthDate: reference.birthDate, gender: reference.gender,
            citizenship: element.wireCodedValue("citizenship"), nationality: element.wireCodedValue("nationality"),
            lifeStatus: LifeStatus(rawValue: element.wireCodedValue("lifeStatus")?.code ?? LifeStatus.alive.rawValue),
            deathDate: try element.wireDate("deathDate", path: path), registeredAddress: address, documents: documents)
    }

    /// Every `data/birthRecords/birthRecord`.
    static func birthRecords(from data: XMLElement) throws(WireMappingError) -> [BirthRecord] {
        guard let list = data.wireChild("birthRecords") else { throw WireMappingError(field: "data/birthRecords") }
        var records: [BirthRecord] = []
        for element in list.children(namespace: nil, localName: "birthRecord") {
            records.append(try birthRecord(element))
        }
        return records
    }

    /// One `<birthRecord>`.
    static func birthRecord(_ element: XMLElement) throws(WireMappingError) -> BirthRecord {
        let path = "birthRecord"
        guard let child = element.wireChild("child") else { throw WireMappingError(field: "birthRecord/child") }
        let body = element.wireChild("registrationBody")
        let father = element.wireChild("father")
        return BirthRecord(
            actNumber: try element.requiredWireText("actNumber", path: path), actDate: try element.wireDate("actDate", path: path),
            registrationBody: body.flatMap { body in body.wireText("katoCode").map { CodedValue(code: $0, nameRu: body.wireText("nameRu")) } },
            child: try child.wirePersonReference(path: "birthRecord/child"),
            mother: try element.wireChild("mother").map { element throws(WireMappingError) in try element.wirePersonReference(path: "birthRecord/mother") },
            father: try father.map { element throws(WireMappingError) in try element.wirePersonReference(path: "birthRecord/father") },
            fatherBasis: father?.wireText("basis").map(FatherBasis.init(rawValue:)),
            status: BirthRecordStatus(rawValue: try element.requiredWireText("status", path: path)))
    }
}
