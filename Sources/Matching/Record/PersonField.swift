/// A field of `PersonFields` a comparison looks at.
public enum PersonField: String, Sendable, Hashable, Codable, CaseIterable {
    case surname
    case firstName
    case patronymic
    case birthDate
    case gender
    case region
    case phone
}
