/// Latin spelling of upper-case Cyrillic names as identity documents print them (`engSurname`).
///
/// Two conventions: the English-style one real records show (Х→KH, Ж→ZH, С between vowels → SS, initial
/// Е → YE) and an ICAO-style variant (Ю→IU, Я→IA, Й→I, no SS doubling). Kazakh letters fall back to their
/// base Latin letter (Қ→K, Ұ/Ү→U, І→I, Ә→A, Ө→O, Ғ→G, Ң→N, Һ→H).
enum PassportTransliteration {
    enum Style: Sendable { case english, icao }

    private static let vowels: Set<Character> = ["А", "Ә", "Е", "Ё", "И", "О", "Ө", "У", "Ұ", "Ү", "Ы", "І", "Э", "Ю", "Я"]

    static func latin(_ text: String, style: Style = .english) -> String {
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(characters.count + 4)
        for (index, character) in characters.enumerated() {
            let previous: Character? = index > 0 ? characters[index - 1] : nil
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            let atWordStart = previous == nil || previous == " " || previous == "-"
            let afterVowel = previous.map { vowels.contains($0) } ?? false
            switch character {
            case "А", "Ә": out += "A"
            case "Б": out += "B"
            case "В": out += "V"
            case "Г", "Ғ": out += "G"
            case "Д": out += "D"
            case "Е": out += (atWordStart || afterVowel) && style == .english ? "YE" : "E"
            case "Ё": out += style == .english ? "YO" : "E"
            case "Ж": out += "ZH"
            case "З": out += "Z"
            case "И", "І": out += "I"
            case "Й": out += style == .english ? "Y" : "I"
            case "К", "Қ": out += "K"
            case "Л": out += "L"
            case "М": out += "M"
            case "Н", "Ң": out += "N"
            case "О", "Ө": out += "O"
            case "П": out += "P"
            case "Р": out += "R"
            case "С":
                let betweenVowels = afterVowel && (next.map { vowels.contains($0) } ?? false)
                out += betweenVowels && style == .english ? "SS" : "S"
            case "Т": out += "T"
            case "У", "Ұ", "Ү": out += "U"
            case "Ф": out += "F"
            case "Х": out += "KH"
            case "Һ": out += "H"
            case "Ц": out += "TS"
            case "Ч": out += "CH"
            case "Ш": out += "SH"
            case "Щ": out += "SHCH"
            case "Ъ", "Ь": break
            case "Ы": out += "Y"
            case "Э": out += "E"
            case "Ю": out += style == .english ? "YU" : "IU"
            case "Я": out += style == .english ? "YA" : "IA"
            default: out.append(character)
            }
        }
        return out
    }
}
