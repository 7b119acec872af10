/// The gate's answer before a voucher activates.
public enum VoucherDecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every check passed on registry evidence: the voucher activates.
    case activate = "ACTIVATE"
    /// Evidence is missing or unclear: an operator decides.
    case review = "REVIEW"
    /// A registry fact rules the voucher out.
    case reject = "REJECT"
}
