/// The mock's own view of how names get typed differently — used to inject defects and declaration noise.
///
/// Deliberately independent of the gateway's normaliser, so the mock cannot agree with its bugs.
enum NameVariants {
    /// Kazakh letter → Russian look-alike, upper and lower case.
    static let russianLookAlike: [Character: Character] = [
        "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И",
        "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
    ]

    /// Whether `text` holds any of the nine Kazakh letters.
    static func hasKazakhLetter(_ text: String) -> Bool {
        text.contains { russianLookAlike[$0] != nil }
    }

    /// Every Kazakh letter replaced by its Russian look-alike (as on a Russian keyboard layout).
    static func russianised(_ text: String) -> String {
        String(text.map { russianLookAlike[$0] ?? $0 })
    }

    /// Neighbour/confusable letters for one-letter substitutions.
    private static let confusable: [Character: [Character]] = [
        "А": ["О", "Я"], "О": ["А", "Е"], "Е": ["И", "Э", "Ё"], "И": ["Е", "Й", "Ы"], "Ы": ["И"], "У": ["Ю", "О"],
        "Н": ["М", "Т"], "М": ["Н"], "Т": ["Д", "Н"], "Д": ["Т"], "С": ["З", "Ш"], "З": ["С"], "Ш": ["Щ", "С"],
        "Б": ["П"], "П": ["Б"], "Г": ["К"], "К": ["Г", "Х"], "Р": ["Л"], "Л": ["Р"], "Ж": ["З", "Ш"], "В": ["Ф"],
        "Й": ["И"], "Х": ["К"], "Ь": ["Ъ"], "Я": ["А"],
    ]

    /// One-letter typo: substitute a confusable letter, drop a letter, or double one. Always changes `text`
    /// when it has at least two letters.
    static func typo(_ text: String, using random: inout PopulationRandom) -> String {
        var characters = Array(text)
        guard characters.count >= 2 else { return text + text }
        let position = 1 + random.int(below: characters.count - 1)  // keep the first letter, as people do
        switch random.int(below: 3) {
        case 0:
            if let options = confusable[characters[position]] {
                characters[position] = options[random.int(below: options.count)]
            } else {
                characters.remove(at: position)
            }
        case 1:
            characters.remove(at: position)
        default:
            characters.insert(characters[position], at: position)
        }
        return String(characters)
    }

    /// Title case ("Айгерім") without locale rules: first letter upper, rest lower.
    static func titleCased(_ text: String) -> String {
        var out = ""
        var startOfWord = true
        for character in text {
            if character == " " || character == "-" {
                out.append(character)
                startOfWord = true
            } else {
                out += startOfWord ? String(character).uppercased() : String(character).lowercased()
                startOfWord = false
            }
        }
        return out
    }
}
