public import Identifiers

/// ГБД ЮЛ's view: legal entities by BIN and individual entrepreneurs by IIN.
public struct BusinessRegistry: Sendable, Equatable {
    /// Every legal entity (schools, polyclinics, clubs, others), in generation order.
    public let legalEntities: [LegalEntityRecord]
    /// Every individual entrepreneur the registry holds, in population order.
    public let entrepreneurs: [EntrepreneurRecord]

    private let entityIndex: [BIN: Int]
    private let entrepreneurIndex: [IIN: Int]

    /// Creates the view and its indexes.
    public init(legalEntities: [LegalEntityRecord], entrepreneurs: [EntrepreneurRecord]) {
        self.legalEntities = legalEntities
        self.entrepreneurs = entrepreneurs
        entityIndex = Dictionary(legalEntities.enumerated().map { ($1.bin, $0) }, uniquingKeysWith: { first, _ in first })
        entrepreneurIndex = Dictionary(entrepreneurs.enumerated().map { ($1.holder.iin, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The legal entity with this BIN, or `nil`.
    public func legalEntity(_ bin: BIN) -> LegalEntityRecord? { entityIndex[bin].map { legalEntities[$0] } }

    /// The individual entrepreneur registered under `iin`, or `nil`.
    public func entrepreneur(_ iin: IIN) -> EntrepreneurRecord? { entrepreneurIndex[iin].map { entrepreneurs[$0] } }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.legalEntities == rhs.legalEntities && lhs.entrepreneurs == rhs.entrepreneurs
    }
}
