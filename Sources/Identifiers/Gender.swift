/// A person's sex as the IIN scheme and the registries encode it.
public enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
    case male
    case female
}
