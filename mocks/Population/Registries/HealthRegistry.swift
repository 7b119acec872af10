public import Identifiers

/// The health registries' view of the population, with lookup by IIN.
public struct HealthRegistry: Sendable, Equatable {
    /// Every patient record, in population order.
    public let patients: [PatientRecord]

    private let index: [IIN: Int]

    /// Creates the view and its index.
    public init(patients: [PatientRecord]) {
        self.patients = patients
        index = Dictionary(patients.enumerated().map { ($1.person.iin, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The patient filed under `iin`, or `nil` (the health API's 404).
    public func patient(_ iin: IIN) -> PatientRecord? { index[iin].map { patients[$0] } }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.patients == rhs.patients }
}
