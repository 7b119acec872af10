/// Month names people write in dates, folded to comparison keys: Russian (nominative and genitive),
/// Kazakh, English, and common abbreviations.
enum MonthNames {
    /// Key prefixes → month. A word matches when its key starts with the prefix (so "апреля", "апр.",
    /// "April", "Apr" all match APR).
    private static let prefixes: [(String, Int)] = [
        // Russian: январь/января, февраль, март/марта, апрель, май/мая, июнь, июль, август, сентябрь, октябрь, ноябрь, декабрь
        ("IANV", 1), ("FEV", 2), ("MART", 3), ("APR", 4), ("MAI", 5), ("MAIA", 5), ("IIUN", 6), ("IUN", 6), ("IIUL", 7), ("IUL", 7),
        ("AVG", 8), ("SENT", 9), ("SEN", 9), ("OKT", 10), ("NOIA", 11), ("NOIAB", 11), ("DEK", 12),
        // Kazakh: қаңтар, ақпан, наурыз, сәуір, мамыр, маусым, шілде, тамыз, қыркүйек, қазан, қараша, желтоқсан
        ("KANTAR", 1), ("AKPAN", 2), ("NAURIZ", 3), ("SAUIR", 4), ("MAMIR", 5), ("MAUSIM", 6), ("WILDE", 7), ("TAMIZ", 8),
        ("KIRKUIEK", 9), ("KAZAN", 10), ("KARAWA", 11), ("JELTOKSAN", 12),
        // English
        ("JAN", 1), ("FEB", 2), ("MAR", 3), ("MAY", 5), ("JUN", 6), ("JUL", 7), ("AUG", 8), ("SEP", 9), ("OCT", 10), ("NOV", 11), ("DEC", 12),
    ]

    /// Compiled prefixes, longest first so "MAIA"/"MAMIR"/"MART" win over "MAI"/"MAR".
    private static let compiled: [([UInt8], Int)] = prefixes
        .map { (Array($0.0.utf8), $0.1) }
        .sorted { $0.0.count > $1.0.count }

    /// The month a word names, if any (at least three letters).
    static func month(ofWord word: String) -> Int? {
        let key = NameKey(word).bytes
        guard key.count >= 3 else { return nil }
        for (prefix, month) in compiled where key.starts(with: prefix) {
            return month
        }
        return nil
    }

    /// Words that may stand next to a date and mean nothing: г., года, год, ж., жыл, жылы, жылғы, y., year.
    static func isFiller(_ word: String) -> Bool {
        switch NameKey(word).description {
        case "G", "GODA", "GOD", "GG", "J", "JIL", "JILI", "JILGI", "EAR", "IR", "OF", "THE", "E", "ST", "ND", "RD", "TH": true
        default: false
        }
    }
}
