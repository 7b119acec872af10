public import Identifiers

/// A teacher or coach as НОБД holds them: employer, diplomas and qualification category.
public struct EducatorRecord: Sendable, Hashable {
    /// The educator as НОБД records them.
    public let person: RegistryPerson
    /// Employer: a legal entity (BIN) or an individual entrepreneur (IIN).
    public let employer: ProviderID
    /// Position held.
    public let position: EducatorPosition
    /// Diplomas, oldest first.
    public let diplomas: [Diploma]
    /// Current qualification category (new or old scale).
    public let category: QualificationCategory
    /// When the category was assigned; `nil` for "no category".
    public let categoryAssignedOn: CalendarDate?
    /// Until when the category is valid (five years after assignment); `nil` for "no category".
    public let categoryValidUntil: CalendarDate?
    /// Years of pedagogical experience.
    public let experienceYears: Int

    /// Creates an educator record.
    public init(
        person: RegistryPerson, employer: ProviderID, position: EducatorPosition, diplomas: [Diploma], category: QualificationCategory,
        categoryAssignedOn: CalendarDate?, categoryValidUntil: CalendarDate?, experienceYears: Int
    ) {
        self.person = person
        self.employer = employer
        self.position = position
        self.diplomas = diplomas
        self.category = category
        self.categoryAssignedOn = categoryAssignedOn
        self.categoryValidUntil = categoryValidUntil
        self.experienceYears = experienceYears
    }
}

/// An educator's position.
public enum EducatorPosition: String, Sendable, Hashable, Codable, CaseIterable {
    case coach = "COACH"
    case physicalEducationTeacher = "PE_TEACHER"
    case additionalEducationTeacher = "ADDITIONAL_EDUCATION_TEACHER"

    /// Russian title as staff lists print it.
    public var nameRu: String {
        switch self {
        case .coach: "тренер-преподаватель"
        case .physicalEducationTeacher: "учитель физической культуры"
        case .additionalEducationTeacher: "педагог дополнительного образования"
        }
    }
}

/// A diploma of higher or technical and vocational education.
public struct Diploma: Sendable, Hashable {
    /// Level of education.
    public let level: EducationLevel
    /// Institution name in Russian.
    public let institution: String
    /// Specialty in Russian.
    public let specialty: String
    /// Specialty code, opaque (classifier generations differ).
    public let specialtyCode: String
    /// Diploma series, e.g. "ЖБ-Б".
    public let series: String
    /// Diploma number, seven digits.
    public let number: String
    /// Year of graduation.
    public let graduationYear: Int

    /// Creates a diploma.
    public init(level: EducationLevel, institution: String, specialty: String, specialtyCode: String, series: String, number: String, graduationYear: Int) {
        self.level = level
        self.institution = institution
        self.specialty = specialty
        self.specialtyCode = specialtyCode
        self.series = series
        self.number = number
        self.graduationYear = graduationYear
    }
}

/// Level of a diploma.
public enum EducationLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Higher education (bachelor or specialist).
    case higher = "HIGHER"
    /// Technical and vocational education (колледж).
    case tvet = "TVET"
}

/// Teachers' qualification category — the current scale and the older one, which records still mix.
public enum QualificationCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case pedagog = "PEDAGOG"
    case moderator = "PEDAGOG_MODERATOR"
    case expert = "PEDAGOG_EXPERT"
    case researcher = "PEDAGOG_RESEARCHER"
    case master = "PEDAGOG_MASTER"
    case noCategory = "NO_CATEGORY"
    case second = "SECOND"
    case first = "FIRST"
    case highest = "HIGHEST"

    /// Russian name.
    public var nameRu: String {
        switch self {
        case .pedagog: "педагог"
        case .moderator: "педагог-модератор"
        case .expert: "педагог-эксперт"
        case .researcher: "педагог-исследователь"
        case .master: "педагог-мастер"
        case .noCategory: "без категории"
        case .second: "вторая категория"
        case .first: "первая категория"
        case .highest: "высшая категория"
        }
    }

    /// Kazakh name.
    public var nameKz: String {
        switch self {
        case .pedagog: "педагог"
        case .moderator: "педагог-модератор"
        case .expert: "педагог-сарапшы"
        case .researcher: "педагог-зерттеуші"
        case .master: "педагог-шебер"
        case .noCategory: "санатсыз"
        case .second: "екінші санат"
        case .first: "бірінші санат"
        case .highest: "жоғары санат"
        }
    }
}
