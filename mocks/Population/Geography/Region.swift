/// One of Kazakhstan's 17 regions or 3 cities of republican significance (2022+), with its КАТО code.
///
/// Codes, ISO subdivisions and Russian names are the public classifier's; `population` (thousands,
/// rounded, early 2020s) and `kazakhShare` only shape the synthetic population.
public struct Region: Sendable, Hashable {
    /// Nine-digit КАТО code, `NN0000000`.
    public let kato: String
    /// ISO 3166-2 code, `KZ-NN`.
    public let iso: String
    /// Russian name, e.g. "Акмолинская область" or "г. Астана".
    public let nameRu: String
    /// Kazakh name, e.g. "Ақмола облысы".
    public let nameKz: String
    /// Administrative centre in Russian ("Кокшетау"); for a city, the city itself.
    public let centreRu: String
    /// Whether this is a city of republican significance rather than a region.
    public let isCity: Bool
    /// Approximate population in thousands (generator weight).
    public let population: Int
    /// Approximate share of ethnic Kazakhs (generator weight).
    public let kazakhShare: Double

    /// The two leading КАТО digits, e.g. "11".
    public var prefix: String { String(kato.prefix(2)) }

    /// КАТО code of the region's centre: `NN1010000` (the real scheme, e.g. 111010000 = Кокшетау).
    public var centreKATO: String { prefix + "1010000" }

    /// All 20 top-level units, in КАТО order.
    public static let all: [Region] = [
        Region(kato: "100000000", iso: "KZ-10", nameRu: "Абайская область", nameKz: "Абай облысы", centreRu: "Семей", isCity: false, population: 600, kazakhShare: 0.75),
        Region(kato: "110000000", iso: "KZ-11", nameRu: "Акмолинская область", nameKz: "Ақмола облысы", centreRu: "Кокшетау", isCity: false, population: 790, kazakhShare: 0.55),
        Region(kato: "150000000", iso: "KZ-15", nameRu: "Актюбинская область", nameKz: "Ақтөбе облысы", centreRu: "Актобе", isCity: false, population: 930, kazakhShare: 0.85),
        Region(kato: "190000000", iso: "KZ-19", nameRu: "Алматинская область", nameKz: "Алматы облысы", centreRu: "Конаев", isCity: false, population: 1530, kazakhShare: 0.70),
        Region(kato: "230000000", iso: "KZ-23", nameRu: "Атырауская область", nameKz: "Атырау облысы", centreRu: "Атырау", isCity: false, population: 700, kazakhShare: 0.93),
        Region(kato: "270000000", iso: "KZ-27", nameRu: "Западно-Казахстанская область", nameKz: "Батыс Қазақстан облысы", centreRu: "Уральск", isCity: false, population: 690, kazakhShare: 0.78),
        Region(kato: "310000000", iso: "KZ-31", nameRu: "Жамбылская область", nameKz: "Жамбыл облысы", centreRu: "Тараз", isCity: false, population: 1220, kazakhShare: 0.75),
        Region(kato: "330000000", iso: "KZ-33", nameRu: "Жетысуская область", nameKz: "Жетісу облысы", centreRu: "Талдыкорган", isCity: false, population: 700, kazakhShare: 0.70),
        Region(kato: "350000000", iso: "KZ-35", nameRu: "Карагандинская область", nameKz: "Қарағанды облысы", centreRu: "Караганда", isCity: false, population: 1130, kazakhShare: 0.55),
        Region(kato: "390000000", iso: "KZ-39", nameRu: "Костанайская область", nameKz: "Қостанай облысы", centreRu: "Костанай", isCity: false, population: 830, kazakhShare: 0.45),
        Region(kato: "430000000", iso: "KZ-43", nameRu: "Кызылординская область", nameKz: "Қызылорда облысы", centreRu: "Кызылорда", isCity: false, population: 830, kazakhShare: 0.96),
        Region(kato: "470000000", iso: "KZ-47", nameRu: "Мангистауская область", nameKz: "Маңғыстау облысы", centreRu: "Актау", isCity: false, population: 790, kazakhShare: 0.92),
        Region(kato: "550000000", iso: "KZ-55", nameRu: "Павлодарская область", nameKz: "Павлодар облысы", centreRu: "Павлодар", isCity: false, population: 750, kazakhShare: 0.52),
        Region(kato: "590000000", iso: "KZ-59", nameRu: "Северо-Казахстанская область", nameKz: "Солтүстік Қазақстан облысы", centreRu: "Петропавловск", isCity: false, population: 530, kazakhShare: 0.38),
        Region(kato: "610000000", iso: "KZ-61", nameRu: "Туркестанская область", nameKz: "Түркістан облысы", centreRu: "Туркестан", isCity: false, population: 2100, kazakhShare: 0.80),
        Region(kato: "620000000", iso: "KZ-62", nameRu: "Улытауская область", nameKz: "Ұлытау облысы", centreRu: "Жезказган", isCity: false, population: 220, kazakhShare: 0.85),
        Region(kato: "630000000", iso: "KZ-63", nameRu: "Восточно-Казахстанская область", nameKz: "Шығыс Қазақстан облысы", centreRu: "Усть-Каменогорск", isCity: false, population: 720, kazakhShare: 0.45),
        Region(kato: "710000000", iso: "KZ-71", nameRu: "г. Астана", nameKz: "Астана қаласы", centreRu: "Астана", isCity: true, population: 1400, kazakhShare: 0.80),
        Region(kato: "750000000", iso: "KZ-75", nameRu: "г. Алматы", nameKz: "Алматы қаласы", centreRu: "Алматы", isCity: true, population: 2230, kazakhShare: 0.62),
        Region(kato: "790000000", iso: "KZ-79", nameRu: "г. Шымкент", nameKz: "Шымкент қаласы", centreRu: "Шымкент", isCity: true, population: 1220, kazakhShare: 0.68),
    ]

    /// The region with this nine-digit КАТО code (`NN0000000`), or with the same two leading digits.
    public static func byKATO(_ code: String) -> Region? {
        var digits = code.utf8.makeIterator()
        guard let first = digits.next(), let second = digits.next() else { return nil }
        let key = Int(first) << 8 | Int(second)
        return byPrefix[key]
    }

    /// `all` by the two leading КАТО digits (their UTF-8 bytes, first << 8 | second): the mock looks a region up for
    /// every person it writes.
    private static let byPrefix: [Int: Region] = Dictionary(
        uniqueKeysWithValues: all.map { region in
            let bytes = Array(region.kato.utf8)
            return (Int(bytes[0]) << 8 | Int(bytes[1]), region)
        })
}
