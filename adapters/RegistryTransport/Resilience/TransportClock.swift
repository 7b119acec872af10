/// The time source of the transport: reading the time and sleeping (for back-off).
///
/// ``SystemTransportClock`` in production; tests inject a clock whose `sleep` returns at once and advances `now`.
public protocol TransportClock: Sendable {
    /// The current instant.
    var now: ContinuousClock.Instant { get }
    /// Sleeps for `duration`, or throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real continuous clock.
public struct SystemTransportClock: TransportClock {
    /// Creates the system clock.
    public init() {}

    /// `ContinuousClock.now`.
    public var now: ContinuousClock.Instant { ContinuousClock.now }

    /// `Task.sleep(for:)`.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration, clock: .continuous)
    }
}
