import Foundation
import Identifiers
import SOAP
import XMLSupport

/// Writes the data-level envelope of a registry answer, as the real ГБД ФЛ response has it (`registries.md`):
/// `messageId`, `messageDate`, `requestId`, `sender`, `receiver`, `messageResult`, then the records.
struct RegistryAnswer: Sendable {
    /// The answering registry.
    let party: RegistryParty
    /// The business result.
    let result: BusinessResult
    /// Writes the records after `messageResult` (nothing for a not-found answer).
    let records: @Sendable (inout XMLWriter) -> Void

    init(party: RegistryParty, result: BusinessResult, records: @escaping @Sendable (inout XMLWriter) -> Void = { _ in }) {
        self.party = party
        self.result = result
        self.records = records
    }

    /// The `data` content for answering `call`.
    func fragment(for call: SyncChannelCall) -> XMLFragment {
        XMLFragment { writer in
            writer.element("messageId", text: RandomUUID.lowercased())
            writer.element("messageDate", text: SyncChannelTimestamp.dateTime())
            writer.element("requestId", text: call.request.info.messageId)
            writer.startElement("sender")
            writer.dictionaryItem(code: party.code, nameRu: party.nameRu, nameKz: party.nameKz)
            writer.endElement()
            writer.startElement("receiver")
            writer.element("code", text: call.request.info.sender.senderId)
            writer.endElement()
            writer.startElement("messageResult")
            writer.dictionaryItem(code: result.code, nameRu: result.nameRu, nameKz: result.nameKz)
            writer.endElement()
            records(&writer)
        }
    }
}

extension XMLWriter {
    /// `<code/><nameRu/><nameKz/>` of a dictionary item (the enclosing element is the caller's).
    mutating func dictionaryItem(code: String, nameRu: String, nameKz: String? = nil) {
        element("code", text: code)
        element("nameRu", text: nameRu)
        optionalElement("nameKz", text: nameKz)
    }

    /// `<name><code/><nameRu/><nameKz/></name>`.
    mutating func dictionary(_ name: String, code: String, nameRu: String, nameKz: String? = nil) {
        startElement(name)
        dictionaryItem(code: code, nameRu: nameRu, nameKz: nameKz)
        endElement()
    }
}
