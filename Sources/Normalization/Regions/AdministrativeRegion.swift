/// One of Kazakhstan's 17 regions or 3 cities of republican significance (2022+), with its КАТО code.
///
/// The raw value is the two leading КАТО digits, which coincide with the ISO 3166-2 code (`KZ-NN`).
/// Abai, Zhetysu and Ulytau regions exist since 8 June 2022; Shymkent is a city of republican significance
/// since 2018 (South Kazakhstan region became Turkestan region); the capital was Nur-Sultan from March
/// 2019 to September 2022 (registries.md §6).
public enum AdministrativeRegion: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case abai = "10"
    case akmola = "11"
    case aktobe = "15"
    case almatyRegion = "19"
    case atyrau = "23"
    case westKazakhstan = "27"
    case zhambyl = "31"
    case zhetysu = "33"
    case karaganda = "35"
    case kostanay = "39"
    case kyzylorda = "43"
    case mangystau = "47"
    case pavlodar = "55"
    case northKazakhstan = "59"
    case turkestan = "61"
    case ulytau = "62"
    case eastKazakhstan = "63"
    case astana = "71"
    case almaty = "75"
    case shymkent = "79"

    /// Nine-digit КАТО code of the region, `NN0000000`.
    public var kato: String { rawValue + "0000000" }

    /// ISO 3166-2 code, `KZ-NN`.
    public var iso: String { "KZ-" + rawValue }

    /// Whether this is a city of republican significance rather than a region.
    public var isCity: Bool { self == .astana || self == .almaty || self == .shymkent }

    /// The region a КАТО code of any depth lies in (`611010000` → Turkestan region), from its first two digits.
    public init?(kato: String) {
        // The first two digits and the digit count; other characters (spaces, dashes) are skipped.
        var count = 0
        var first: UInt8 = 0
        var second: UInt8 = 0
        for byte in kato.utf8 where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            if count == 0 { first = byte } else if count == 1 { second = byte }
            count += 1
        }
        guard count == 2 || count == 9 else { return nil }
        guard let region = Self.byPrefix[Int(first - UInt8(ascii: "0")) * 10 + Int(second - UInt8(ascii: "0"))] else { return nil }
        self = region
    }

    /// Every region by its two leading КАТО digits read as a number (index 0…99).
    private static let byPrefix: [AdministrativeRegion?] = {
        var table = [AdministrativeRegion?](repeating: nil, count: 100)
        for region in allCases { table[Int(region.rawValue)!] = region }
        return table
    }()

    /// Russian name, e.g. "Алматинская область", "г. Астана".
    public var nameRu: String {
        switch self {
        case .abai: "Абайская область"
        case .akmola: "Акмолинская область"
        case .aktobe: "Актюбинская область"
        case .almatyRegion: "Алматинская область"
        case .atyrau: "Атырауская область"
        case .westKazakhstan: "Западно-Казахстанская область"
        case .zhambyl: "Жамбылская область"
        case .zhetysu: "Жетысуская область"
        case .karaganda: "Карагандинская область"
        case .kostanay: "Костанайская область"
        case .kyzylorda: "Кызылординская область"
        case .mangystau: "Мангистауская область"
        case .pavlodar: "Павлодарская область"
        case .northKazakhstan: "Северо-Казахстанская область"
        case .turkestan: "Туркестанская область"
        case .ulytau: "Улытауская область"
        case .eastKazakhstan: "Восточно-Казахстанская область"
        case .astana: "г. Астана"
        case .almaty: "г. Алматы"
        case .shymkent: "г. Шымкент"
        }
    }

    /// Kazakh name, e.g. "Алматы облысы", "Астана қаласы".
    public var nameKk: String {
        switch self {
        case .abai: "Абай облысы"
        case .akmola: "Ақмола облысы"
        case .aktobe: "Ақтөбе облысы"
        case .almatyRegion: "Алматы облысы"
        case .atyrau: "Атырау облысы"
        case .westKazakhstan: "Батыс Қазақстан облысы"
        case .zhambyl: "Жамбыл облысы"
        case .zhetysu: "Жетісу облысы"
        case .karaganda: "Қарағанды облысы"
        case .kostanay: "Қостанай облысы"
        case .kyzylorda: "Қызылорда облысы"
        case .mangystau: "Маңғыстау облысы"
        case .pavlodar: "Павлодар облысы"
        case .northKazakhstan: "Солтүстік Қазақстан облысы"
        case .turkestan: "Түркістан облысы"
        case .ulytau: "Ұлытау облысы"
        case .eastKazakhstan: "Шығыс Қазақстан облысы"
        case .astana: "Астана қаласы"
        case .almaty: "Алматы қаласы"
        case .shymkent: "Шымкент қаласы"
        }
    }

    /// The Russian name.
    public var description: String { nameRu }
}
