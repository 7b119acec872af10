public import Foundation

/// A decision waiting for (or given) an operator's judgement.
public struct ReviewItem: Sendable, Hashable {
    /// Open until an operator resolves it.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Waiting in the queue.
        case open
        /// Resolved by an operator.
        case resolved
    }

    /// Review id (`rev_…`).
    public var id: String
    /// The REVIEW decision.
    public var decisionID: String
    /// The decision's kind.
    public var kind: DecisionKind
    /// Open or resolved.
    public var status: Status
    /// The decision's reason codes (queue filter).
    public var reasonCodes: [String]
    /// КАТО of the region (queue filter).
    public var regionKATO: String?
    /// When the review was opened.
    public var createdAt: Date
    /// The operator's outcome (e.g. ACTIVATE or REJECT), once resolved.
    public var resolution: String?
    /// The operator's comment, once resolved.
    public var comment: String?
    /// Who resolved it (API key name or operator login).
    public var resolvedBy: String?
    /// When it was resolved.
    public var resolvedAt: Date?

    /// Creates a review item.
    public init(
        id: String, decisionID: String, kind: DecisionKind, status: Status = .open, reasonCodes: [String], regionKATO: String?, createdAt: Date,
        resolution: String? = nil, comment: String? = nil, resolvedBy: String? = nil, resolvedAt: Date? = nil
    ) {
        self.id = id
        self.decisionID = decisionID
        self.kind = kind
        self.status = status
        self.reasonCodes = reasonCodes
        self.regionKATO = regionKATO
        self.createdAt = createdAt
        self.resolution = resolution
        self.comment = comment
        self.resolvedBy = resolvedBy
        self.resolvedAt = resolvedAt
    }
}

/// Which reviews to list.
public struct ReviewQuery: Sendable, Hashable {
    /// Only this status; `nil` for all. Default `.open`.
    public var status: ReviewItem.Status?
    /// Only items carrying this reason code.
    public var reasonCode: String?
    /// Only this region (КАТО).
    public var regionKATO: String?
    /// Only items created at or after.
    public var createdFrom: Date?
    /// Only items created before.
    public var createdTo: Date?
    /// Page size. Default 50.
    public var limit: Int
    /// Items to skip. Default 0.
    public var offset: Int

    /// Creates a query (defaults as documented).
    public init(status: ReviewItem.Status? = .open, reasonCode: String? = nil, regionKATO: String? = nil, createdFrom: Date? = nil,
                createdTo: Date? = nil, limit: Int = 50, offset: Int = 0) {
        self.status = status
        self.reasonCode = reasonCode
        self.regionKATO = regionKATO
        self.createdFrom = createdFrom
        self.createdTo = createdTo
        self.limit = limit
        self.offset = offset
    }
}
