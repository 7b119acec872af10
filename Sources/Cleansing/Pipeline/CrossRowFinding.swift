public import Verification

/// What the cross-row index found about a row: which earlier row it relates to, how, and the group both belong to.
///
/// Carries line numbers and a group id only — no personal data.
public struct CrossRowFinding: Sendable, Hashable, CustomStringConvertible {
    /// How a row relates to an earlier one.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// The same IIN under another person's names (the registry decides which row is right).
        case sameIINOtherName = "SAME_IIN_OTHER_NAME"
        /// The same person twice: the names agree under the matching model but are spelled differently, or the
        /// IIN differs by a typing slip.
        case samePersonVariant = "SAME_PERSON_VARIANT"
        /// The same IIN with the same normalised names (and birth date, when both rows give one).
        case exactRepeat = "EXACT_REPEAT"

        /// The code.
        public var description: String { rawValue }

        /// The reason code a row of this kind carries.
        public var reasonCode: ReasonCode {
            switch self {
            case .sameIINOtherName: .duplicateIINOtherName
            case .samePersonVariant: .duplicatePerson
            case .exactRepeat: .duplicateRow
            }
        }
    }

    /// How the row relates to the earlier one.
    public var kind: Kind
    /// The line of the earlier row it relates to.
    public var firstLine: Int
    /// The duplicate group id (`G` + the line of the group's first row), shared by every row of the group.
    public var group: String

    /// Creates a finding.
    public init(kind: Kind, firstLine: Int, group: String) {
        self.kind = kind
        self.firstLine = firstLine
        self.group = group
    }

    /// The reason code the row carries (`DUPLICATE_ROW`, `DUPLICATE_PERSON`, `DUPLICATE_IIN_OTHER_NAME`).
    public var reasonCode: ReasonCode { kind.reasonCode }

    /// `CrossRowFinding(EXACT_REPEAT of line 12, G12)`.
    public var description: String { "CrossRowFinding(\(kind) of line \(firstLine), \(group))" }
}
