/// Lists inside one CSV cell: items joined by `|`, with `\` escaping `\`, `|` and any other separator a format
/// uses inside an item (`:` and `→` in corrections). Keeps cells readable in Excel and parses back exactly.
enum CellList {
    static let itemSeparator: Character = "|"

    /// `text` with `\`, `|` and `specials` escaped by a backslash.
    static func escape(_ text: String, specials: Set<Character> = []) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == itemSeparator || specials.contains($0) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 4)
        for character in text {
            if character == "\\" || character == itemSeparator || specials.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Splits at unescaped `separator`s; parts stay escaped. `nil` for a dangling backslash.
    static func split(_ text: String, on separator: Character) -> [String]? {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                current.append("\\")
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == separator {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !escaping else { return nil }
        parts.append(current)
        return parts
    }

    /// Removes the escaping backslashes. `nil` for a dangling backslash.
    static func unescape(_ text: String) -> String? {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return escaping ? nil : result
    }

    /// Joins items, escaping each.
    static func join(_ items: [String], specials: Set<Character> = []) -> String {
        items.map { escape($0, specials: specials) }.joined(separator: String(itemSeparator))
    }

    /// Splits and unescapes a joined list; `[]` for an empty cell.
    static func items(_ cell: String) -> [String]? {
        guard !cell.isEmpty else { return [] }
        guard let parts = split(cell, on: itemSeparator) else { return nil }
        var items: [String] = []
        for part in parts {
            guard let item = unescape(part) else { return nil }
            items.append(item)
        }
        return items
    }
}
