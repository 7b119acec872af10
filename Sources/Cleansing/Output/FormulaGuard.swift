/// Keeps spreadsheet programs from running cell text as a formula (CSV injection): a text cell that starts with
/// `=`, `+`, `-`, `@`, a tab or CR — or with the guard's own `'` — is written with a leading `'`, which parsing
/// removes again, so rows round-trip exactly.
///
/// Numbers (`line`, `match_score`) and phones that are just `+` and digits are left alone: they are data, not
/// formulas, and Excel reads them as numbers.
enum FormulaGuard {
    private static let triggers: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13, UInt8(ascii: "'")]

    static func protect(_ cell: String, column: CleansingOutputColumn) -> String {
        guard let first = cell.utf8.first, triggers.contains(first), !isExempt(cell, column: column) else { return cell }
        return "'" + cell
    }

    static func unprotect(_ cell: String, column: CleansingOutputColumn) -> String {
        guard cell.utf8.first == UInt8(ascii: "'"), !isExempt(cell, column: column) else { return cell }
        return String(cell.dropFirst())
    }

    private static func isExempt(_ cell: String, column: CleansingOutputColumn) -> Bool {
        switch column {
        case .line, .matchScore: true
        case .phone: cell.utf8.first == UInt8(ascii: "+") && cell.utf8.count > 1 && cell.utf8.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 }
        default: false
        }
    }
}
