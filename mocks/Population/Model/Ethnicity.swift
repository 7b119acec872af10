/// The ethnic group a synthetic person belongs to; it decides the name lists and patronymic habits.
///
/// `nationalityCode` follows ГБД ФЛ's three-digit "национальность" dictionary only for `005` (Kazakh),
/// which is confirmed; the other codes are clearly mock values (`9xx`).
public enum Ethnicity: String, Sendable, Hashable, Codable, CaseIterable {
    case kazakh
    case russian
    case ukrainian
    case german
    case korean
    case tatar
    case uzbek
    case uyghur

    /// ГБД ФЛ-style nationality code (`005` is real, the rest are mock codes).
    public var nationalityCode: String {
        switch self {
        case .kazakh: "005"
        case .russian: "901"
        case .ukrainian: "902"
        case .german: "903"
        case .korean: "904"
        case .tatar: "905"
        case .uzbek: "906"
        case .uyghur: "907"
        }
    }
}
