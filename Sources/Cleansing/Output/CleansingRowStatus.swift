/// What happened to one input row: a decision, or `UNREADABLE` when the CSV row could not be read.
///
/// The raw value is the decision's code or `UNREADABLE`; it is the results file's `status` column and the status
/// the store counts results by (`BatchRowResult.status`).
public enum CleansingRowStatus: Sendable, Hashable, Codable, CustomStringConvertible, RawRepresentable, CaseIterable {
    /// The row was read and decided.
    case decided(CleansingDecision)
    /// The row could not be read as CSV; it is kept with its raw text.
    case unreadable

    /// `UNREADABLE`.
    public static let unreadableCode = "UNREADABLE"

    /// Every status: the eight decisions, then `UNREADABLE`.
    public static var allCases: [CleansingRowStatus] { CleansingDecision.allCases.map(Self.decided) + [.unreadable] }

    /// Parses a code; `nil` for anything else.
    public init?(rawValue: String) {
        if rawValue == Self.unreadableCode {
            self = .unreadable
        } else if let decision = CleansingDecision(rawValue: rawValue) {
            self = .decided(decision)
        } else {
            return nil
        }
    }

    /// The code: a decision's raw value or `UNREADABLE`.
    public var rawValue: String {
        switch self {
        case .decided(let decision): decision.rawValue
        case .unreadable: Self.unreadableCode
        }
    }

    /// The decision, `nil` for an unreadable row.
    public var decision: CleansingDecision? {
        if case .decided(let decision) = self { return decision }
        return nil
    }

    /// The code.
    public var description: String { rawValue }

    /// Russian label for the report.
    public var labelRu: String { decision?.labelRu ?? "Нечитаемая строка" }
    /// English label for the report.
    public var labelEn: String { decision?.labelEn ?? "Unreadable row" }
}
