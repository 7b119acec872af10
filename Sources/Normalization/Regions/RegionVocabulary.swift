/// Words (as `NameKey` skeletons) that name a region, its centre, or an old name of either.
///
/// Kept as data so a reviewer can see every spelling the recogniser knows. Russian, Kazakh and Latin
/// spellings collapse to one skeleton already ("Ақтөбе", "Актобе", "Aqtöbe", "Aktobe" → AKTOBE). Adjective
/// stems ("Карагандинская" → KARAGANDINSK…) match a word's beginning; bare names match whole words only, so
/// a street named after a poet ("ул. Абая", "пр. Жамбыла") is not read as a region.
enum RegionVocabulary {
    /// What a word names.
    enum Meaning {
        /// A region's adjective ("Алматинская"), an abbreviation ("ЗКО") or a city of republican significance:
        /// decisive. Matches a word's beginning.
        case adjective(AdministrativeRegion)
        /// A region's bare name ("Абай", "Жамбыл", "Ақтөбе"): decisive next to a region marker, otherwise
        /// weaker (it is often also the name of the centre, which lies in the region anyway). Whole word.
        case name(AdministrativeRegion)
        /// A city of republican significance, with or without "г.". Whole word.
        case city(AdministrativeRegion)
        /// "Алматы": the city, unless a region marker is next to it — then Almaty region. Whole word.
        case almatyName
        /// A settlement inside a region (centre or large town): weaker than any region name. Whole word.
        case settlement(AdministrativeRegion)
        /// The compass half of "West/North/East/South Kazakhstan". Matches a word's beginning.
        case compass(AdministrativeRegion)
        /// "Казахстанская", "Қазақстан", "Kazakhstan". Matches a word's beginning.
        case kazakhstan
        /// "обл.", "область", "облысы", "oblast", "region". Matches a word's beginning.
        case regionMarker
        /// "г.", "гор.", "город", "қала", "қаласы", "city". Whole word.
        case cityMarker

        var matchesPrefix: Bool {
            switch self {
            case .adjective, .compass, .kazakhstan, .regionMarker: true
            case .name, .city, .almatyName, .settlement, .cityMarker: false
            }
        }
    }

    /// Every known word.
    static let words: [(String, Meaning)] = [
        // Adjective stems and abbreviations.
        ("ABAISK", .adjective(.abai)), ("AKMOLINSK", .adjective(.akmola)), ("AKTIUBINSK", .adjective(.aktobe)),
        ("ALMATINSK", .adjective(.almatyRegion)), ("ATIRAUSK", .adjective(.atyrau)), ("GURIEVSK", .adjective(.atyrau)),
        ("JAMBILSK", .adjective(.zhambyl)), ("JAMBULSK", .adjective(.zhambyl)), ("JETISUSK", .adjective(.zhetysu)),
        ("KARAGANDINSK", .adjective(.karaganda)), ("KOSTANAISK", .adjective(.kostanay)), ("KUSTANAISK", .adjective(.kostanay)),
        ("KIZILORDINSK", .adjective(.kyzylorda)), ("MANGISTAUSK", .adjective(.mangystau)), ("MANGIWLAKSK", .adjective(.mangystau)),
        ("PAVLODARSK", .adjective(.pavlodar)), ("TURKESTANSK", .adjective(.turkestan)), ("ULITAUSK", .adjective(.ulytau)),
        ("ZKO", .adjective(.westKazakhstan)), ("SKO", .adjective(.northKazakhstan)), ("VKO", .adjective(.eastKazakhstan)),
        ("IUKO", .adjective(.turkestan)),
        // Bare region names (Kazakh and Latin forms; several are also the centre's name).
        ("ABAI", .name(.abai)), ("AKMOLA", .name(.akmola)), ("AKTOBE", .name(.aktobe)), ("ATIRAU", .name(.atyrau)),
        ("JAMBIL", .name(.zhambyl)), ("JETISU", .name(.zhetysu)), ("KARAGANDA", .name(.karaganda)), ("KARAGANDI", .name(.karaganda)),
        ("KOSTANAI", .name(.kostanay)), ("KIZILORDA", .name(.kyzylorda)), ("MANGISTAU", .name(.mangystau)),
        ("MANGIWLAK", .name(.mangystau)), ("PAVLODAR", .name(.pavlodar)), ("TURKESTAN", .name(.turkestan)),
        ("TURKISTAN", .name(.turkestan)), ("ULITAU", .name(.ulytau)),
        // Cities of republican significance, with old names (Нур-Султан 2019–2022, Целиноград, Алма-Ата, Чимкент).
        ("ASTANA", .city(.astana)), ("NURSULTAN", .city(.astana)), ("QELINOGRAD", .city(.astana)),
        ("ALMAATA", .city(.almaty)), ("ALMATA", .city(.almaty)), ("ALMATI", .almatyName),
        ("WIMKENT", .city(.shymkent)), ("CIMKENT", .city(.shymkent)),
        // Compass words and "Kazakhstan".
        ("ZAPADN", .compass(.westKazakhstan)), ("BATIS", .compass(.westKazakhstan)), ("VEST", .compass(.westKazakhstan)),
        ("SEVER", .compass(.northKazakhstan)), ("SOLTUSTIK", .compass(.northKazakhstan)), ("NORTH", .compass(.northKazakhstan)),
        ("VOSTOC", .compass(.eastKazakhstan)), ("WIGIS", .compass(.eastKazakhstan)), ("EAST", .compass(.eastKazakhstan)),
        ("IUJN", .compass(.turkestan)), ("ONTUSTIK", .compass(.turkestan)), ("SOUTH", .compass(.turkestan)),
        ("KAZAHSTAN", .kazakhstan), ("KAZAKSTAN", .kazakhstan),
        // Centres and large towns.
        ("SEMEI", .settlement(.abai)), ("SEMIPALATINSK", .settlement(.abai)),
        ("KOKWETAU", .settlement(.akmola)), ("KOKCETAV", .settlement(.akmola)), ("STEPNOGORSK", .settlement(.akmola)),
        ("AKTIUBINSK", .settlement(.aktobe)),
        ("KONAEV", .settlement(.almatyRegion)), ("KAPCAGAI", .settlement(.almatyRegion)), ("KAPWAGAI", .settlement(.almatyRegion)),
        ("GURIEV", .settlement(.atyrau)),
        ("URALSK", .settlement(.westKazakhstan)), ("ORAL", .settlement(.westKazakhstan)),
        ("TARAZ", .settlement(.zhambyl)), ("JAMBUL", .settlement(.zhambyl)),
        ("TALDIKORGAN", .settlement(.zhetysu)),
        ("TEMIRTAU", .settlement(.karaganda)), ("BALHAW", .settlement(.karaganda)),
        ("RUDNI", .settlement(.kostanay)), ("KUSTANAI", .settlement(.kostanay)),
        ("BAIKONUR", .settlement(.kyzylorda)),
        ("AKTAU", .settlement(.mangystau)), ("JANAOZEN", .settlement(.mangystau)),
        ("EKIBASTUZ", .settlement(.pavlodar)),
        ("PETROPAVL", .settlement(.northKazakhstan)), ("PETROPAVLOVSK", .settlement(.northKazakhstan)),
        ("KENTAU", .settlement(.turkestan)),
        ("JEZKAZGAN", .settlement(.ulytau)), ("SATPAEV", .settlement(.ulytau)),
        ("USTKAMENOGORSK", .settlement(.eastKazakhstan)), ("KAMENOGORSK", .settlement(.eastKazakhstan)),
        ("OSKEMEN", .settlement(.eastKazakhstan)), ("RIDER", .settlement(.eastKazakhstan)),
        // Markers.
        ("OBL", .regionMarker), ("REGION", .regionMarker),
        ("G", .cityMarker), ("GOR", .cityMarker), ("GOROD", .cityMarker), ("GORODA", .cityMarker), ("KALA", .cityMarker),
        ("KALASI", .cityMarker), ("KITI", .cityMarker),
    ]

    /// Compiled words, longest first.
    static let compiled: [(key: [UInt8], meaning: Meaning)] = words
        .map { (key: Array($0.0.utf8), meaning: $0.1) }
        .sorted { $0.key.count > $1.key.count }

    /// What the word with key `key` names, if anything.
    static func meaning(of key: [UInt8]) -> Meaning? {
        for entry in compiled {
            if entry.meaning.matchesPrefix ? key.starts(with: entry.key) : key == entry.key { return entry.meaning }
        }
        return nil
    }
}
