import Identifiers
import Population
import XMLSupport

/// ГБД ЮЛ operations: legal entity by BIN, individual entrepreneur by IIN.
///
/// Request payload: an element named `bin` (entity) or `iin` (entrepreneur), or the identifier as the escaped string.
enum BusinessOperations {
    static func operations(population: Population, serviceIds: ServiceIdentifiers) -> [String: SyncChannelService.Operation] {
        let registry = population.business
        return [
            serviceIds.legalEntity: { call in
                guard let bin = call.identifier(named: "bin").flatMap({ try? BIN($0) }) else {
                    return RegistryAnswer(party: .business, result: .invalidIdentifier)
                }
                guard let record = registry.legalEntity(bin) else { return RegistryAnswer(party: .business, result: .notFound) }
                return RegistryAnswer(party: .business, result: .success) { writer in writer.legalEntity(record) }
            },
            serviceIds.entrepreneur: { call in
                guard let iin = call.identifier(named: "iin").flatMap({ try? IIN($0) }) else {
                    return RegistryAnswer(party: .business, result: .invalidIdentifier)
                }
                guard let record = registry.entrepreneur(iin) else { return RegistryAnswer(party: .business, result: .notFound) }
                return RegistryAnswer(party: .business, result: .success) { writer in writer.entrepreneur(record) }
            },
        ]
    }
}

extension XMLWriter {
    /// `<legalEntity>` (mock shape, `registries.md` §5).
    mutating func legalEntity(_ record: LegalEntityRecord) {
        startElement("legalEntity")
        element("bin", text: record.bin.text)
        element("nameRu", text: record.nameRu)
        element("nameKz", text: record.nameKz)
        element("legalForm", text: record.legalForm.rawValue)
        element("registeredOn", text: record.registeredOn.description)
        element("status", text: record.status.rawValue)
        optionalElement("statusChangedOn", text: record.statusChangedOn?.description)
        dictionary("oked", code: record.activity.okedCode, nameRu: record.activity.nameRu)
        element("katoCode", text: record.katoCode)
        element("address", text: record.address)
        startElement("head")
        optionalElement("iin", text: record.headIIN?.unmasked)
        element("fullName", text: record.headFullName)
        endElement()
        endElement()
    }

    /// `<entrepreneur>` (mock shape, `registries.md` §5: `individualEntrepreneurs`).
    mutating func entrepreneur(_ record: EntrepreneurRecord) {
        startElement("entrepreneur")
        registryPersonFields(record.holder)
        element("tradeName", text: record.tradeName)
        element("registeredOn", text: record.registeredOn.description)
        element("status", text: record.status.rawValue)
        optionalElement("statusChangedOn", text: record.statusChangedOn?.description)
        dictionary("oked", code: record.activity.okedCode, nameRu: record.activity.nameRu)
        element("katoCode", text: record.katoCode)
        endElement()
    }
}
