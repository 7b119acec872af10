public import Identifiers

/// A patronymic read as "child of <father's name>": the father's name, the sex the ending encodes and the
/// pattern used — so "Нурланович", "Нұрланұлы" and "Nurlanuly" agree on the father (names.md §3).
///
/// ```swift
/// let form = PatronymicForm(NameKey("Нұрланқызы"))
/// form.fatherName  // NURLAN
/// form.gender      // .female
/// form.style       // .kazakh
/// ```
public struct PatronymicForm: Sendable, Hashable {
    /// Which pattern the patronymic follows.
    public enum Style: String, Sendable, Hashable, Codable, CaseIterable {
        /// -ович/-евич/-ич, -овна/-евна/-ична.
        case russian
        /// -ұлы/-қызы (and -улы/-кызы, -uly/-kyzy), joined or as a separate word.
        case kazakh
        /// No recognised ending: the whole key is taken as the father's name.
        case unmarked
    }

    /// The father's name as a key (the patronymic without its ending).
    public let fatherName: NameKey
    /// The sex the ending encodes, when it encodes one.
    public let gender: Gender?
    /// The pattern recognised.
    public let style: Style

    /// Endings in skeleton spelling, longest first: (ending, gender, style).
    private static let endings: [(StaticString, Gender, Style)] = [
        ("KIZI", .female, .kazakh), ("OVIC", .male, .russian), ("EVIC", .male, .russian), ("OVNA", .female, .russian),
        ("EVNA", .female, .russian), ("ICNA", .female, .russian), ("ULI", .male, .kazakh), ("IC", .male, .russian),
    ]

    /// Reads the patronymic whose comparison key is `key`.
    public init(_ key: NameKey) {
        for (ending, gender, style) in Self.endings where key.hasSuffix(ending, minimumStem: 2) {
            self.fatherName = key.dropping(ending.utf8CodeUnitCount)
            self.gender = gender
            self.style = style
            return
        }
        self.fatherName = key
        self.gender = nil
        self.style = .unmarked
    }

    /// Reads the patronymic `text`.
    public init(_ text: String) {
        self.init(NameKey(text))
    }
}
