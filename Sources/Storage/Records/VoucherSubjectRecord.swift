public import Foundation

/// What an active voucher must be re-checked against (child, parent, provider, region, section, coaches, schedule),
/// as an opaque payload the store encrypts at rest; the re-verification module owns its format.
public struct VoucherSubjectRecord: Sendable, Hashable {
    /// The voucher (`vch_…`).
    public var voucherID: String
    /// When the voucher was activated.
    public var activatedAt: Date
    /// The subject document (JSON); encrypted at rest, returned decrypted.
    public var payload: Data

    /// Creates a record.
    public init(voucherID: String, activatedAt: Date, payload: Data) {
        self.voucherID = voucherID
        self.activatedAt = activatedAt
        self.payload = payload
    }
}
