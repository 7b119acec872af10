/// The three-digit codes after +7 that Kazakhstan's mobile operators use.
///
/// 700–708 (Altel 700/708, Kcell 701/702, Beeline 705/706/707 shared with Tele2/Izi, and 703/704 reserved
/// for mobile use), 747 (Tele2), 771 (Beeline), 775 and 778 (Kcell/Activ), 776 and 777 (Beeline). Zone +7 7xx
/// numbers with other codes are landlines (area codes such as 7172 Astana, 727 Almaty); +7 6xx is also
/// Kazakhstan and not mobile; +7 3xx/4xx/8xx/9xx are Russia. Operator attributions are from public
/// numbering-plan summaries as remembered, not verified here; the list itself is what the product accepts.
public enum KazakhstanMobilePrefixes {
    /// The accepted codes, ascending.
    public static let all: [Int] = [700, 701, 702, 703, 704, 705, 706, 707, 708, 747, 771, 775, 776, 777, 778]

    /// Whether `code` (three digits, e.g. 701) is a mobile operator code.
    public static func contains(_ code: Int) -> Bool {
        switch code {
        case 700...708, 747, 771, 775...778: true
        default: false
        }
    }
}
