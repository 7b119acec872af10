public import Identifiers

/// НОБД's view of the population: schools, pupils' enrolments and educators, with lookups by IIN/BIN.
public struct EducationRegistry: Sendable, Equatable {
    /// Every school, in generation order.
    public let schools: [School]
    /// Every enrolment НОБД holds (including dead souls), in population order.
    public let students: [StudentRecord]
    /// Every teacher/coach НОБД holds, in population order.
    public let educators: [EducatorRecord]

    private let studentIndex: [IIN: [Int]]
    private let educatorIndex: [IIN: Int]
    private let schoolIndex: [BIN: Int]

    /// Creates the view and its indexes.
    public init(schools: [School], students: [StudentRecord], educators: [EducatorRecord]) {
        self.schools = schools
        self.students = students
        self.educators = educators
        studentIndex = Dictionary(students.enumerated().map { ($1.person.iin, [$0]) }, uniquingKeysWith: +)
        educatorIndex = Dictionary(educators.enumerated().map { ($1.person.iin, $0) }, uniquingKeysWith: { first, _ in first })
        schoolIndex = Dictionary(schools.enumerated().map { ($1.bin, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The first enrolment filed under `iin`, or `nil` (НОБД's "not found").
    public func student(_ iin: IIN) -> StudentRecord? { studentIndex[iin]?.first.map { students[$0] } }

    /// Every enrolment filed under `iin` (more than one after a double enrolment), in population order.
    public func students(_ iin: IIN) -> [StudentRecord] { (studentIndex[iin] ?? []).map { students[$0] } }

    /// The educator filed under `iin`, or `nil`.
    public func educator(_ iin: IIN) -> EducatorRecord? { educatorIndex[iin].map { educators[$0] } }

    /// The school with this BIN, or `nil`.
    public func school(_ bin: BIN) -> School? { schoolIndex[bin].map { schools[$0] } }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.schools == rhs.schools && lhs.students == rhs.students && lhs.educators == rhs.educators
    }
}
