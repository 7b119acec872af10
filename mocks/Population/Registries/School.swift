public import Identifiers

/// A general secondary school as НОБД lists it (it is also a legal entity in the business registry).
public struct School: Sendable, Hashable {
    /// The school's BIN.
    public let bin: BIN
    /// Russian name, e.g. "КГУ «Средняя школа № 12»".
    public let nameRu: String
    /// Kazakh name, e.g. "«№ 12 жалпы орта мектебі» КММ".
    public let nameKz: String
    /// КАТО code of the school's settlement.
    public let katoCode: String
    /// Main language of instruction.
    public let language: InstructionLanguage

    /// Creates a school.
    public init(bin: BIN, nameRu: String, nameKz: String, katoCode: String, language: InstructionLanguage) {
        self.bin = bin
        self.nameRu = nameRu
        self.nameKz = nameKz
        self.katoCode = katoCode
        self.language = language
    }
}
