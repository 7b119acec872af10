/// A point in time by which an answer is needed — one deadline travels from the incoming request to every
/// registry call it causes.
///
/// Measured on the `ContinuousClock` (monotonic, keeps counting during sleep), so wall-clock changes do not
/// shorten or extend it.
///
/// ```swift
/// let deadline = Deadline.after(.seconds(2))
/// let person = await registry.person(iin, within: deadline)
/// ```
public struct Deadline: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The instant the deadline expires.
    public let instant: ContinuousClock.Instant

    /// A deadline at `instant`.
    public init(_ instant: ContinuousClock.Instant) {
        self.instant = instant
    }

    /// A deadline `budget` from now.
    public static func after(_ budget: Duration) -> Deadline {
        Deadline(ContinuousClock.now.advanced(by: budget))
    }

    /// Time left until the deadline; zero once it has passed (never negative).
    public var remaining: Duration {
        let left = ContinuousClock.now.duration(to: instant)
        return left > .zero ? left : .zero
    }

    /// Whether the deadline has passed.
    public var hasExpired: Bool { ContinuousClock.now >= instant }

    /// The earlier of this deadline and `budget` from now: a per-call cap that never extends the overall deadline.
    public func capped(at budget: Duration) -> Deadline {
        min(self, .after(budget))
    }

    /// Orders deadlines by instant (earlier is smaller).
    public static func < (lhs: Deadline, rhs: Deadline) -> Bool { lhs.instant < rhs.instant }

    /// The time left, e.g. `Deadline(1.5 seconds left)`.
    public var description: String { "Deadline(\(remaining) left)" }
}
