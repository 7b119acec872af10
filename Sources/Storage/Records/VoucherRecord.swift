public import Foundation
public import Identifiers

/// An active voucher: one child, one programme period. At most one active voucher per child whose periods overlap.
public struct VoucherRecord: Sendable, Hashable {
    /// Voucher id (`vch_…`).
    public var id: String
    /// Keyed hash of the child's IIN.
    public var child: SubjectKey
    /// The programme (e.g. "sport-2025-26").
    public var programmeID: String
    /// First day of the period.
    public var periodStart: CalendarDate
    /// Last day of the period (inclusive).
    public var periodEnd: CalendarDate
    /// The ACTIVATE (or operator-resolved) decision it rests on.
    public var decisionID: String
    /// When it was activated.
    public var activatedAt: Date
    /// When an operator suspended it (after re-verification); `nil` while it is in force.
    public var suspendedAt: Date?

    /// Creates a voucher record.
    public init(
        id: String, child: SubjectKey, programmeID: String, periodStart: CalendarDate, periodEnd: CalendarDate, decisionID: String, activatedAt: Date,
        suspendedAt: Date? = nil
    ) {
        self.id = id
        self.child = child
        self.programmeID = programmeID
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.decisionID = decisionID
        self.activatedAt = activatedAt
        self.suspendedAt = suspendedAt
    }
}
