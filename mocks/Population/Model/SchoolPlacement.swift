public import Identifiers

/// Where a child really goes to school (the truth; НОБД may disagree or miss the child).
public struct SchoolPlacement: Sendable, Hashable {
    /// The school's BIN (a school is a legal entity).
    public let schoolBIN: BIN
    /// Grade 0…11 in the current academic year; 0 is the pre-school class.
    public let grade: Int
    /// Class letter, e.g. "А", "Б", "В".
    public let classLetter: String
    /// Language of instruction.
    public let language: InstructionLanguage
    /// First day at this school.
    public let enrolledOn: CalendarDate

    /// Creates a placement.
    public init(schoolBIN: BIN, grade: Int, classLetter: String, language: InstructionLanguage, enrolledOn: CalendarDate) {
        self.schoolBIN = schoolBIN
        self.grade = grade
        self.classLetter = classLetter
        self.language = language
        self.enrolledOn = enrolledOn
    }
}

/// Language of instruction of a class.
public enum InstructionLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case kazakh = "KAZAKH"
    case russian = "RUSSIAN"
    case mixed = "MIXED"
}
