public import Identifiers

/// ГБД ФЛ's view of the population: person records and birth acts, with lookups by IIN.
public struct IndividualsRegistry: Sendable, Equatable {
    /// Every person ГБД ФЛ knows, in population order.
    public let persons: [IndividualRecord]
    /// Every digitised birth act, in population order of the child.
    public let birthRecords: [BirthRecord]

    private let personIndex: [IIN: Int]
    private let birthIndex: [IIN: [Int]]

    /// Creates the view and its indexes.
    public init(persons: [IndividualRecord], birthRecords: [BirthRecord]) {
        self.persons = persons
        self.birthRecords = birthRecords
        personIndex = Dictionary(persons.enumerated().map { ($1.person.iin, $0) }, uniquingKeysWith: { first, _ in first })
        var births: [IIN: [Int]] = [:]
        births.reserveCapacity(birthRecords.count * 2)
        for (index, record) in birthRecords.enumerated() {
            births[record.childIIN, default: []].append(index)
            if let mother = record.motherIIN { births[mother, default: []].append(index) }
            if let father = record.fatherIIN { births[father, default: []].append(index) }
        }
        birthIndex = births
    }

    /// The person record filed under `iin`, or `nil` (ГБД ФЛ's "not found").
    public func person(_ iin: IIN) -> IndividualRecord? {
        personIndex[iin].map { persons[$0] }
    }

    /// Birth acts in which `iin` is the child, the mother or the father, in act order.
    public func birthRecords(involving iin: IIN) -> [BirthRecord] {
        (birthIndex[iin] ?? []).map { birthRecords[$0] }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.persons == rhs.persons && lhs.birthRecords == rhs.birthRecords
    }
}
