import Identifiers
import SyncChannelClient
import Verification
import XMLSupport

/// Pure mapping from ГБД ЮЛ answer `data` to domain records (see README for the field table).
enum BusinessRegistryMapping {
    /// `data/legalEntity`.
    static func legalEntity(from data: XMLElement) throws(WireMappingError) -> LegalEntity {
        guard let entity = data.wireChild("legalEntity") else { throw WireMappingError(field: "data/legalEntity") }
        let path = "legalEntity"
        guard let bin = try entity.wireBIN(path: path) else { throw WireMappingError(field: "legalEntity/bin") }
        var head: PersonReference?
        if let element = entity.wireChild("head") {
            head = PersonReference(iin: try element.wireIIN(path: "legalEntity/head"), surname: element.wireText("fullName"))
        }
        return LegalEntity(
            bin: bin, nameRu: entity.wireText("nameRu"), nameKz: entity.wireText("nameKz"), legalForm: entity.wireText("legalForm"),
            registeredOn: try entity.wireDate("registeredOn", path: path), status: BusinessStatus(rawValue: try entity.requiredWireText("status", path: path)),
            statusChangedOn: try entity.wireDate("statusChangedOn", path: path), activity: entity.wireCodedValue("oked"),
            katoCode: entity.wireText("katoCode"), address: entity.wireText("address"), head: head)
    }

    /// `data/entrepreneur`.
    static func entrepreneur(from data: XMLElement) throws(WireMappingError) -> IndividualEntrepreneur {
        guard let element = data.wireChild("entrepreneur") else { throw WireMappingError(field: "data/entrepreneur") }
        let path = "entrepreneur"
        return IndividualEntrepreneur(
            holder: try element.wirePersonReference(path: path), tradeName: element.wireText("tradeName"),
            registeredOn: try element.wireDate("registeredOn", path: path), status: BusinessStatus(rawValue: try element.requiredWireText("status", path: path)),
            statusChangedOn: try element.wireDate("statusChangedOn", path: path), activity: element.wireCodedValue("oked"),
            katoCode: element.wireText("katoCode"))
    }
}
