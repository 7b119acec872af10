import Synchronization

/// Cancels operations that are still running when their deadline passes, with one coarse timer for all of them.
///
/// Racing every registry call against its own sleeping task cost a dispatch timer per call (armed, then cancelled:
/// ≈ 7 % of the cleanser's CPU); here a call registers a cancel action in a table that one sweeper task checks every
/// ``tick``. The sweeper exits after a second without registrations and starts again with the next one.
public final class DeadlineWatchdog: Sendable {
    /// The process-wide watchdog the registry calls share.
    public static let shared = DeadlineWatchdog()

    /// How often due operations are looked for: an overrunning operation is cancelled at most this long after its
    /// deadline.
    public let tick: Duration
    private let state = Mutex(State())

    private struct Watched: Sendable {
        var deadline: ContinuousClock.Instant
        var cancel: @Sendable () -> Void
    }

    private struct State: Sendable {
        var watched: [UInt64: Watched] = [:]
        var nextID: UInt64 = 0
        var sweeping = false
        var idleSweeps = 0
    }

    /// Idle sweeps before the sweeper exits.
    private let idleSweepsBeforeExit: Int

    /// Creates a watchdog (default tick 10 ms; the sweeper exits after one idle second).
    public init(tick: Duration = .milliseconds(10)) {
        self.tick = tick
        idleSweepsBeforeExit = max(1, Int(Duration.seconds(1) / tick))
    }

    /// Runs `operation` in its own task, cancels that task when `deadline` passes (or when the caller is cancelled),
    /// and returns the operation's result with whether the deadline cancelled it. Like a task group, it returns only
    /// once the operation has returned: operations must honour cancellation.
    public func run<Value: Sendable>(
        until deadline: ContinuousClock.Instant, _ operation: @escaping @Sendable () async -> Value
    ) async -> (value: Value, expired: Bool) {
        let work = Task(operation: operation)
        let expired = ExpiryFlag()
        let id = watch(until: deadline) {
            expired.set()
            work.cancel()
        }
        let value = await withTaskCancellationHandler {
            await work.value
        } onCancel: {
            work.cancel()
        }
        release(id)
        return (value, expired.isSet)
    }

    private func watch(until deadline: ContinuousClock.Instant, cancel: @escaping @Sendable () -> Void) -> UInt64 {
        let (id, startSweeper) = state.withLock { state in
            let id = state.nextID
            state.nextID &+= 1
            state.watched[id] = Watched(deadline: deadline, cancel: cancel)
            state.idleSweeps = 0
            let start = !state.sweeping
            state.sweeping = true
            return (id, start)
        }
        if startSweeper {
            Task.detached(priority: .high) { [self] in await sweep() }
        }
        return id
    }

    private func release(_ id: UInt64) {
        _ = state.withLock { $0.watched.removeValue(forKey: id) }
    }

    private func sweep() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let (due, exit): ([@Sendable () -> Void], Bool) = state.withLock { state in
                guard !state.watched.isEmpty else {
                    state.idleSweeps += 1
                    guard state.idleSweeps >= idleSweepsBeforeExit else { return ([], false) }
                    state.sweeping = false
                    return ([], true)
                }
                let expired = state.watched.filter { $0.value.deadline <= now }
                for id in expired.keys { state.watched[id] = nil }
                return (expired.values.map(\.cancel), false)
            }
            for cancel in due { cancel() }
            if exit { return }
        }
    }

    /// Set when the deadline cancelled an operation.
    private final class ExpiryFlag: Sendable {
        private let value = Mutex(false)
        var isSet: Bool { value.withLock { $0 } }
        func set() { value.withLock { $0 = true } }
    }
}
