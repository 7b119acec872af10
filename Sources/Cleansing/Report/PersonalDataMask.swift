/// Masks personal data for the report: IINs as `0612******12`, names as `И*****`, phones as `+7701*****67`,
/// birth dates as `1985-**-**`. Regions and record ids are not personal and stay as they are.
public enum PersonalDataMask {
    /// The masked form of `value` as a value of `field`.
    public static func mask(_ value: String, as field: CleansingColumn) -> String {
        switch field {
        case .iin, .childIIN: iin(value)
        case .surname, .firstName, .patronymic: name(value)
        case .phone: phone(value)
        case .birthDate: birthDate(value)
        case .region, .recordID: value
        }
    }

    /// `0612******12` for twelve digits; every character starred otherwise.
    public static func iin(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count == 12, characters.allSatisfy(\.isASCIIDigit) else { return stars(characters.count) }
        return String(characters[0..<4]) + "******" + String(characters[10..<12])
    }

    /// Each word's first letter, the rest starred: `Ж*** Ш****`.
    public static func name(_ value: String) -> String {
        var result = ""
        var atWordStart = true
        for character in value {
            if character.isWhitespace || character == "-" {
                result.append(character)
                atWordStart = true
            } else if atWordStart {
                result.append(character)
                atWordStart = false
            } else {
                result.append("*")
            }
        }
        return result
    }

    /// The first five and last two characters of a number of at least nine, the rest starred.
    public static func phone(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count >= 9 else { return stars(characters.count) }
        return String(characters[0..<5]) + stars(characters.count - 7) + String(characters[(characters.count - 2)...])
    }

    /// `1985-**-**` for `yyyy-MM-dd`; every character starred otherwise.
    public static func birthDate(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count == 10, characters[4] == "-", characters[7] == "-" else { return stars(characters.count) }
        return String(characters[0..<4]) + "-**-**"
    }

    private static func stars(_ count: Int) -> String { String(repeating: "*", count: min(count, 16)) }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
