public import Foundation

/// One planned chunk of a batch job: the input lines it accounts for and how many input items (rows and unreadable
/// records) start in them.
public struct BatchChunkPlan: Sendable, Hashable, Codable {
    /// The input lines (the first chunk may start at 1 to cover the header).
    public var lines: ClosedRange<Int64>
    /// Input items starting in `lines` (a worker checks it reads as many).
    public var rows: Int

    /// Creates a plan entry.
    public init(lines: ClosedRange<Int64>, rows: Int) {
        self.lines = lines
        self.rows = rows
    }
}

/// A chunk leased to one worker until `expiresAt`. `token` grows with every lease of the chunk: completing or
/// renewing with an older token fails, so a worker that lost its lease cannot overwrite the one that took it over.
public struct BatchChunkLease: Sendable, Hashable {
    /// The job.
    public var batchID: String
    /// The chunk's input lines.
    public var lines: ClosedRange<Int64>
    /// Input items planned in the chunk.
    public var rows: Int
    /// Who holds it.
    public var worker: String
    /// The lease's fencing token.
    public var token: Int64
    /// How many times the chunk was leased, this lease included (> 1: a worker before this one did not finish it).
    public var attempt: Int
    /// When the lease lapses unless renewed.
    public var expiresAt: Date

    /// Creates a lease value (stores create them; tests compare them).
    public init(batchID: String, lines: ClosedRange<Int64>, rows: Int, worker: String, token: Int64, attempt: Int, expiresAt: Date) {
        self.batchID = batchID
        self.lines = lines
        self.rows = rows
        self.worker = worker
        self.token = token
        self.attempt = attempt
        self.expiresAt = expiresAt
    }
}

/// Where a job's chunks are.
public struct BatchChunkProgress: Sendable, Hashable {
    /// Not leased yet.
    public var pending: Int
    /// Leased and not expired.
    public var leased: Int
    /// Leased, lease expired (its worker died or stalled): available again.
    public var expired: Int
    /// Completed.
    public var done: Int

    /// Creates a progress value.
    public init(pending: Int, leased: Int, expired: Int, done: Int) {
        self.pending = pending
        self.leased = leased
        self.expired = expired
        self.done = done
    }

    /// Chunks planned.
    public var total: Int { pending + leased + expired + done }
    /// Whether every planned chunk is done (and there is at least one).
    public var isComplete: Bool { total > 0 && done == total }
}
