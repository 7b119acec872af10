/// A language human-readable messages are offered in.
public enum MessageLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    /// English.
    case en
    /// Russian.
    case ru
}
