/// The results file's columns, in their fixed order (`line` and `status` first). Raw values are the header names.
public enum CleansingOutputColumn: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// ``CleansingResultRow/line``.
    case line
    /// ``CleansingResultRow/status``: a decision code or `UNREADABLE`.
    case status
    /// The decision code, empty for unreadable rows.
    case decision
    /// ``CleansingResultRow/reasonCodes``, joined by `|`.
    case reasonCodes = "reason_codes"
    /// ``CleansingResultRow/recordID``.
    case recordID = "record_id"
    /// ``CleansingResultRow/iin``.
    case iin
    /// ``CleansingResultRow/iinStatus``.
    case iinStatus = "iin_status"
    /// ``CleansingResultRow/surname``.
    case surname
    /// ``CleansingResultRow/firstName``.
    case firstName = "first_name"
    /// ``CleansingResultRow/patronymic``.
    case patronymic
    /// ``CleansingResultRow/birthDate``.
    case birthDate = "birth_date"
    /// ``CleansingResultRow/phone``.
    case phone
    /// ``CleansingResultRow/phoneCheck``.
    case phoneCheck = "phone_check"
    /// ``CleansingResultRow/region``.
    case region
    /// ``CleansingResultRow/childIIN``.
    case childIIN = "child_iin"
    /// ``CleansingResultRow/corrections`` as `field:current→suggested`, joined by `|`.
    case suggestedCorrections = "suggested_corrections"
    /// ``CleansingResultRow/matchScore``, `.` as the decimal mark.
    case matchScore = "match_score"
    /// ``CleansingResultRow/matchExplanation``.
    case matchExplanation = "match_explanation"
    /// ``CleansingResultRow/duplicateGroup``.
    case duplicateGroup = "duplicate_group"
    /// ``CleansingResultRow/registryErrors`` as `registry:kind`, joined by `|`.
    case registryErrors = "registry_errors"
    /// ``CleansingResultRow/note``.
    case note
    /// ``CleansingResultRow/rawText``.
    case raw

    /// The header name.
    public var description: String { rawValue }

    /// The header line's names in order.
    public static var headerNames: [String] { allCases.map(\.rawValue) }
}
