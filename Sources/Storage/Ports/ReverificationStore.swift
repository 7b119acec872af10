public import Foundation
public import Identifiers

/// What re-verification of active vouchers keeps: for each voucher, what it must be checked against again (sealed,
/// written when the voucher activates), and the runs over them with a checkpoint per chunk.
///
/// A run processes vouchers in id order, one chunk at a time; each chunk's results are saved in one transaction, so
/// after `kill -9` a resumed run continues after ``lastReverifiedVoucherID(runID:)``.
///
/// ```swift
/// try await store.saveVoucherSubject(VoucherSubjectRecord(voucherID: id, activatedAt: .now, payload: json))
/// let page = try await store.voucherSubjects(activeOn: today, activatedSince: nil, afterVoucherID: nil, limit: 500)
/// try await store.saveReverificationChunk(runID: run, results: results, at: .now)
/// ```
public protocol ReverificationStore: Sendable {
    /// Remembers what `subject.voucherID` must be re-checked against; the payload is encrypted at rest.
    /// A second save for the same voucher replaces the payload. `.notFound` when the voucher does not exist.
    func saveVoucherSubject(_ subject: VoucherSubjectRecord) async throws(StoreError)
    /// Vouchers whose period has not ended on `activeOn`, with their subjects, in voucher id order: those activated at
    /// or after `activatedSince` (all when `nil`), with ids greater than `afterVoucherID`, at most `limit`.
    func voucherSubjects(activeOn: CalendarDate, activatedSince: Date?, afterVoucherID: String?, limit: Int)
        async throws(StoreError) -> [VoucherSubjectRecord]
    /// Saves a new run. `.conflict` when the id exists.
    func createReverificationRun(_ run: ReverificationRunRecord) async throws(StoreError)
    /// One run.
    func reverificationRun(id: String) async throws(StoreError) -> ReverificationRunRecord?
    /// Runs, newest first.
    func reverificationRuns(limit: Int) async throws(StoreError) -> [ReverificationRunRecord]
    /// Sets a run's status and counters. `.notFound` for an unknown id.
    @discardableResult
    func updateReverificationRun(id: String, status: ReverificationRunRecord.Status, counts: [String: Int], at time: Date)
        async throws(StoreError) -> ReverificationRunRecord
    /// Saves one chunk's results in one transaction (payloads encrypted); a voucher already saved for the run keeps
    /// its first result. Returns how many were new. `.notFound` for an unknown run.
    @discardableResult
    func saveReverificationChunk(runID: String, results: [ReverificationResultRecord], at time: Date) async throws(StoreError) -> Int
    /// The greatest voucher id with a saved result in the run (the checkpoint), `nil` when none.
    func lastReverifiedVoucherID(runID: String) async throws(StoreError) -> String?
    /// One page of a run's results in voucher id order (ids greater than `afterVoucherID`), payloads decrypted.
    func reverificationResults(runID: String, afterVoucherID: String?, limit: Int) async throws(StoreError) -> [ReverificationResultRecord]
}
