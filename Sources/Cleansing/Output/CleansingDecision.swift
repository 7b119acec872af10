/// The cleansing verdict on one readable parent record.
///
/// Raw values are the stable codes written to the results file, the report and the store.
public enum CleansingDecision: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable, CustomStringConvertible {
    /// The record agrees with the registry.
    case valid = "VALID"
    /// The person exists and matches, but some fields differ; corrections from the registry are suggested.
    case correctable = "CORRECTABLE"
    /// The IIN exists but belongs to someone the record does not describe.
    case mismatch = "MISMATCH"
    /// The IIN fails the local check (structure, check digit); no registry was asked.
    case invalidIIN = "INVALID_IIN"
    /// The registry answered cleanly that there is no such person.
    case notFound = "NOT_FOUND"
    /// The registry records the person as deceased.
    case deceased = "DECEASED"
    /// The record duplicates another one in the file (same IIN under other names, same person twice).
    case duplicate = "DUPLICATE"
    /// A registry needed for the decision was down, slow, throttling or answered invalidly; retry later.
    case registryUnavailable = "REGISTRY_UNAVAILABLE"

    /// The code, e.g. `INVALID_IIN`.
    public var description: String { rawValue }

    /// Whether the parent (or an operator) has to act on the record.
    public var needsAction: Bool {
        switch self {
        case .valid, .registryUnavailable: false
        case .correctable, .mismatch, .invalidIIN, .notFound, .deceased, .duplicate: true
        }
    }

    /// Russian label for the report.
    public var labelRu: String {
        switch self {
        case .valid: "Подтверждено"
        case .correctable: "Можно исправить"
        case .mismatch: "Не совпадает"
        case .invalidIIN: "Неверный ИИН"
        case .notFound: "Не найден"
        case .deceased: "Умер"
        case .duplicate: "Дубликат"
        case .registryUnavailable: "Реестр недоступен"
        }
    }

    /// English label for the report.
    public var labelEn: String {
        switch self {
        case .valid: "Valid"
        case .correctable: "Correctable"
        case .mismatch: "Mismatch"
        case .invalidIIN: "Invalid IIN"
        case .notFound: "Not found"
        case .deceased: "Deceased"
        case .duplicate: "Duplicate"
        case .registryUnavailable: "Registry unavailable"
        }
    }
}
