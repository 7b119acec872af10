/// Spaces notifications to at most a given number per second (sleeps the caller; one caller at a time).
struct NotificationRateLimiter: Sendable {
    private let interval: Duration
    private var next: ContinuousClock.Instant?

    /// `perSecond ≤ 0` means no limit.
    init(perSecond: Double) {
        interval = perSecond > 0 ? .nanoseconds(Int64(1_000_000_000 / perSecond)) : .zero
    }

    /// Waits for the next slot.
    mutating func acquire() async throws {
        guard interval > .zero else { return }
        let now = ContinuousClock.now
        let slot = max(now, next ?? now)
        next = slot + interval
        if slot > now { try await Task.sleep(until: slot, clock: .continuous) }
    }
}
