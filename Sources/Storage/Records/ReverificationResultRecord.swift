public import Foundation

/// One voucher's re-verification result in a run: its outcome in clear (for counts), the full result as an opaque
/// payload the store encrypts at rest.
public struct ReverificationResultRecord: Sendable, Hashable {
    /// The voucher.
    public var voucherID: String
    /// `OK`, `REVIEW` or `SUSPEND_SUGGESTED`; no personal data.
    public var outcome: String
    /// The result document (JSON); encrypted at rest, returned decrypted.
    public var payload: Data

    /// Creates a result record.
    public init(voucherID: String, outcome: String, payload: Data) {
        self.voucherID = voucherID
        self.outcome = outcome
        self.payload = payload
    }
}
