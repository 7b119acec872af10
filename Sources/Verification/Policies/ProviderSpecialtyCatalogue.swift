/// Which diploma specialties qualify a coach for which section type: specialty codes and name keywords.
///
/// НОБД stores a specialty as a name and an opaque code whose classifier changed across generations, so a diploma is
/// relevant when **either** its code is listed for the section **or** its name contains one of the section's
/// keywords (compared in lower case, `ё` as `е`).
///
/// ``standard`` lists:
///
/// | section | codes | name keywords |
/// |---|---|---|
/// | sport | `5B010800` (Физическая культура и спорт, pre-2019 bachelor classifier), `6B01401` (physical culture in the mock population's post-2019 codes) | физическая культура / физической культуры, физическое / физического воспитани…, спорт, тренер, дене шынықтыру, дене тәрбиесі, physical culture, physical education, sport, coach |
/// | art | `5B010600` (Музыкальное образование), `5B010700` (Изобразительное искусство и черчение), `6B01402` (music/choreography in the mock population's post-2019 codes) | музык, хореограф, искусств, художеств, изобразительн, театр, вокал, дирижир, сценическ, декоративно-прикладн, культурно-досуг, өнер, музыка, би өнері, music, choreograph, dance, theatre, fine art |
///
/// The codes `6B01401`/`6B01402` are what the synthetic population issues (`OrganisationBuilder`), not verified
/// against the current classifier; the keywords carry the real-world weight. A bare «культур» is deliberately not an
/// art keyword: it would accept «Физическая культура» for an art section.
public struct ProviderSpecialtyCatalogue: Sendable, Hashable, Codable {
    /// Specialty codes accepted per section type (compared after trimming, case-insensitive).
    public var codes: [ProviderSectionType: Set<String>]
    /// Lower-case name fragments accepted per section type.
    public var keywords: [ProviderSectionType: [String]]

    /// Creates a catalogue.
    public init(codes: [ProviderSectionType: Set<String>], keywords: [ProviderSectionType: [String]]) {
        self.codes = codes
        self.keywords = keywords
    }

    /// The catalogue described above.
    public static let standard = ProviderSpecialtyCatalogue(
        codes: [
            .sport: ["5B010800", "6B01401"],
            .art: ["5B010600", "5B010700", "6B01402"],
        ],
        keywords: [
            .sport: [
                "физическая культура", "физической культуры", "физическое воспитани", "физического воспитани", "спорт", "тренер",
                "дене шынықтыру", "дене тәрбиесі", "physical culture", "physical education", "sport", "coach",
            ],
            .art: [
                "музык", "хореограф", "искусств", "художеств", "изобразительн", "театр", "вокал", "дирижир", "сценическ",
                "декоративно-прикладн", "культурно-досуг", "өнер", "музыка", "би өнері", "music", "choreograph", "dance", "theatre",
                "fine art",
            ],
        ])

    /// Whether `diploma` qualifies a coach for `section`.
    public func isRelevant(_ diploma: Diploma, to section: ProviderSectionType) -> Bool {
        if let code = diploma.specialtyCode?.trimmingWhitespace.uppercased(), !code.isEmpty, codes[section]?.contains(code) == true {
            return true
        }
        guard let specialty = diploma.specialty else { return false }
        let name = String(specialty.lowercased().map { $0 == "ё" ? "е" : $0 })
        return keywords[section]?.contains { name.contains($0) } == true
    }

    /// The first diploma that qualifies for `section`, when any.
    public func relevantDiploma(among diplomas: [Diploma], for section: ProviderSectionType) -> Diploma? {
        diplomas.first { isRelevant($0, to: section) }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
