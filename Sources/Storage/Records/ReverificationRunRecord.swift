public import Foundation
public import Identifiers

/// One re-verification run over the active vouchers: which vouchers it covers, how far it got, its counters.
/// Carries no personal data.
public struct ReverificationRunRecord: Sendable, Hashable {
    /// Where a run is in its life.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Vouchers are being re-checked (or the process died and a resume will continue it).
        case running
        /// Every voucher has a result.
        case finished
        /// Stopped for a reason other than being killed.
        case failed
    }

    /// Run id (`rvr_…`), unique.
    public var id: String
    /// Running, finished or failed.
    public var status: Status
    /// Vouchers whose period has not ended on this day are re-checked.
    public var activeOn: CalendarDate
    /// Only vouchers activated at or after this instant, when set (`--since`).
    public var activatedSince: Date?
    /// Counters the runner keeps (vouchers, per decision …), replaced as a whole by updates.
    public var counts: [String: Int]
    /// When the run was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a run record.
    public init(id: String, status: Status = .running, activeOn: CalendarDate, activatedSince: Date?, counts: [String: Int] = [:],
                createdAt: Date, updatedAt: Date) {
        self.id = id
        self.status = status
        self.activeOn = activeOn
        self.activatedSince = activatedSince
        self.counts = counts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
