public import Identifiers

/// A pupil's enrolment as НОБД states it.
public struct StudentEnrolment: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The pupil, as НОБД holds them.
    public var pupil: PersonReference
    /// The school.
    public var school: Institution
    /// Academic year, e.g. `2024-2025`.
    public var academicYear: String?
    /// Grade (0 = pre-school class, 1–11 general secondary).
    public var grade: Int?
    /// Class letter, e.g. `Б`.
    public var classLetter: String?
    /// Language of instruction (`KAZAKH`, `RUSSIAN`, `MIXED`).
    public var languageOfInstruction: String?
    /// Enrolment date.
    public var enrolledOn: CalendarDate?
    /// Date the pupil left, when they did.
    public var leftOn: CalendarDate?
    /// Enrolment status.
    public var status: EnrolmentStatus
    /// Other schools НОБД lists the pupil as currently studying at, besides `school` (a double enrolment — a data
    /// defect or a "dead soul" kept on a second school's roll). Empty normally.
    public var concurrentSchools: [Institution]

    /// Creates an enrolment.
    public init(
        pupil: PersonReference, school: Institution, academicYear: String? = nil, grade: Int? = nil, classLetter: String? = nil,
        languageOfInstruction: String? = nil, enrolledOn: CalendarDate? = nil, leftOn: CalendarDate? = nil, status: EnrolmentStatus,
        concurrentSchools: [Institution] = []
    ) {
        self.pupil = pupil
        self.school = school
        self.academicYear = academicYear
        self.grade = grade
        self.classLetter = classLetter
        self.languageOfInstruction = languageOfInstruction
        self.enrolledOn = enrolledOn
        self.leftOn = leftOn
        self.status = status
        self.concurrentSchools = concurrentSchools
    }

    private enum CodingKeys: String, CodingKey {
        case pupil, school, academicYear, grade, classLetter, languageOfInstruction, enrolledOn, leftOn, status, concurrentSchools
    }

    /// Decodes an enrolment; records written before `concurrentSchools` existed decode with none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pupil = try container.decode(PersonReference.self, forKey: .pupil)
        school = try container.decode(Institution.self, forKey: .school)
        academicYear = try container.decodeIfPresent(String.self, forKey: .academicYear)
        grade = try container.decodeIfPresent(Int.self, forKey: .grade)
        classLetter = try container.decodeIfPresent(String.self, forKey: .classLetter)
        languageOfInstruction = try container.decodeIfPresent(String.self, forKey: .languageOfInstruction)
        enrolledOn = try container.decodeIfPresent(CalendarDate.self, forKey: .enrolledOn)
        leftOn = try container.decodeIfPresent(CalendarDate.self, forKey: .leftOn)
        status = try container.decode(EnrolmentStatus.self, forKey: .status)
        concurrentSchools = try container.decodeIfPresent([Institution].self, forKey: .concurrentSchools) ?? []
    }

    /// `StudentEnrolment(<masked IIN>)`.
    public var description: String { "StudentEnrolment(\(pupil.iin?.masked ?? "-"))" }
}

/// A school, college or other organisation a record refers to.
public struct Institution: Sendable, Hashable, Codable {
    /// BIN, when the organisation has one.
    public var bin: BIN?
    /// Russian name.
    public var nameRu: String?
    /// Kazakh name.
    public var nameKz: String?
    /// КАТО code of its location.
    public var katoCode: String?
    /// Type code (e.g. `GENERAL_SECONDARY`).
    public var type: String?

    /// Creates an institution.
    public init(bin: BIN? = nil, nameRu: String? = nil, nameKz: String? = nil, katoCode: String? = nil, type: String? = nil) {
        self.bin = bin
        self.nameRu = nameRu
        self.nameKz = nameKz
        self.katoCode = katoCode
        self.type = type
    }
}

/// A pupil's enrolment status in НОБД.
public struct EnrolmentStatus: RawRepresentable, Sendable, Hashable, Codable {
    /// The registry's code.
    public var rawValue: String
    /// Creates a status from the registry's code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Currently studying.
    public static let studying = EnrolmentStatus(rawValue: "STUDYING")
    /// Graduated.
    public static let graduated = EnrolmentStatus(rawValue: "GRADUATED")
    /// Transferred to another school.
    public static let transferred = EnrolmentStatus(rawValue: "TRANSFERRED")
    /// Expelled.
    public static let expelled = EnrolmentStatus(rawValue: "EXPELLED")
}
