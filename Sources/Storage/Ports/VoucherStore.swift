public import Identifiers

/// Active vouchers, for the "no other active voucher for the same child and period" rule. A suspended voucher is not
/// active.
public protocol VoucherStore: Sendable {
    /// Active (not suspended) vouchers of `child` whose period overlaps `start…end`.
    func activeVouchers(child: SubjectKey, overlapping start: CalendarDate, _ end: CalendarDate) async throws(StoreError) -> [VoucherRecord]
}
