/// The comparison form of a column name: lower case, `ё` → `е`, only letters and digits kept.
///
/// So `"\u{FEFF}Дата рождения "`, `"дата_рождения"` and `"ДАТА-РОЖДЕНИЯ"` all become `датарождения`, and
/// `Last Name`, `last_name` and `lastName` become `lastname`.
struct HeaderKey: Hashable, Sendable, CustomStringConvertible {
    let text: String

    init(_ name: some StringProtocol) {
        var scalars = String.UnicodeScalarView()
        for scalar in name.lowercased().unicodeScalars {
            switch scalar {
            case "ё": scalars.append("е")
            case _ where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar): scalars.append(scalar)
            default: continue
            }
        }
        text = String(scalars)
    }

    var description: String { text }
}
