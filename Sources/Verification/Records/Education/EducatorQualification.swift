public import Identifiers

/// A teacher's or coach's employment, diplomas and qualification category as НОБД states them.
public struct EducatorQualification: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The educator, as НОБД holds them.
    public var educator: PersonReference
    /// The employer (an organisation by BIN, or an individual entrepreneur by IIN).
    public var employer: Employer?
    /// Position (e.g. `тренер-преподаватель`).
    public var position: CodedValue?
    /// Diplomas.
    public var diplomas: [Diploma]
    /// Qualification category, when assigned.
    public var category: QualificationCategory?
    /// Pedagogical experience in years.
    public var experienceYears: Int?

    /// Creates a qualification record.
    public init(
        educator: PersonReference, employer: Employer? = nil, position: CodedValue? = nil, diplomas: [Diploma] = [],
        category: QualificationCategory? = nil, experienceYears: Int? = nil
    ) {
        self.educator = educator
        self.employer = employer
        self.position = position
        self.diplomas = diplomas
        self.category = category
        self.experienceYears = experienceYears
    }

    /// `EducatorQualification(<masked IIN>)`.
    public var description: String { "EducatorQualification(\(educator.iin?.masked ?? "-"))" }
}

/// Who employs an educator.
public struct Employer: Sendable, Hashable, Codable {
    /// BIN of an employing organisation.
    public var bin: BIN?
    /// IIN of an employing individual entrepreneur.
    public var iin: IIN?
    /// Name.
    public var name: String?

    /// Creates an employer.
    public init(bin: BIN? = nil, iin: IIN? = nil, name: String? = nil) {
        self.bin = bin
        self.iin = iin
        self.name = name
    }
}

/// One diploma.
public struct Diploma: Sendable, Hashable, Codable {
    /// Level (`HIGHER`, `TVET`).
    public var level: String?
    /// Institution name.
    public var institution: String?
    /// Specialty name.
    public var specialty: String?
    /// Specialty code (opaque: classifier generations differ).
    public var specialtyCode: String?
    /// Diploma series.
    public var series: String?
    /// Diploma number.
    public var number: String?
    /// Graduation year.
    public var graduationYear: Int?

    /// Creates a diploma.
    public init(
        level: String? = nil, institution: String? = nil, specialty: String? = nil, specialtyCode: String? = nil, series: String? = nil,
        number: String? = nil, graduationYear: Int? = nil
    ) {
        self.level = level
        self.institution = institution
        self.specialty = specialty
        self.specialtyCode = specialtyCode
        self.series = series
        self.number = number
        self.graduationYear = graduationYear
    }
}

/// A teacher's qualification category with its validity.
public struct QualificationCategory: Sendable, Hashable, Codable {
    /// The category (code such as `PEDAGOG_EXPERT`, or an old-scale code).
    public var value: CodedValue
    /// When it was assigned.
    public var assignedOn: CalendarDate?
    /// Until when it is valid.
    public var validUntil: CalendarDate?

    /// Creates a category.
    public init(value: CodedValue, assignedOn: CalendarDate? = nil, validUntil: CalendarDate? = nil) {
        self.value = value
        self.assignedOn = assignedOn
        self.validUntil = validUntil
    }

    /// Whether the category is valid on `date` (no end date = valid).
    public func isValid(on date: CalendarDate) -> Bool {
        guard let validUntil else { return true }
        return date <= validUntil
    }
}
