extension NameKey {
    /// Surname endings stripped by `surnameStem`, longest first, as skeleton spellings.
    private static let surnameEndings: [(StaticString, Int)] = [
        ("SKAIA", 3), ("KIZI", 4), ("ULI", 3), ("OVA", 3), ("EVA", 3), ("INA", 3), ("SKI", 1), ("OV", 2), ("EV", 2), ("IN", 2),
    ]

    /// The surname without its Russian or Kazakh ending: -ОВ/-ЕВ/-ИН (and +А), -СКИЙ/-СКАЯ, -ҰЛЫ/-УЛЫ/-ҚЫЗЫ/-КЫЗЫ.
    ///
    /// One family can hold Жанбулатов, Жанбулатова and Жанбулат (names.md §2b): compare stems at a lower
    /// weight than full keys. At least three letters are always kept ("Ким", "Ли" stay whole).
    ///
    /// ```swift
    /// NameKey("Ахметова").surnameStem == NameKey("Ахметов").surnameStem  // AHMET
    /// ```
    public var surnameStem: NameKey {
        for (ending, drop) in Self.surnameEndings where hasSuffix(ending, minimumStem: 3) {
            return dropping(drop)
        }
        return self
    }
}
