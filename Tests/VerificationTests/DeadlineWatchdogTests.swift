import Testing
import Verification

/// The shared deadline watchdog: cancels what overruns, leaves what finishes, and keeps working after its sweeper
/// has gone idle and exited.
struct DeadlineWatchdogTests {
    /// Sleeps up to 30 s; reports whether it was cancelled.
    static func sleeper() async -> Bool {
        do {
            try await Task.sleep(for: .seconds(30))
            return false
        } catch {
            return true
        }
    }

    @Test("an operation that overruns is cancelled shortly after its deadline and reported expired", .timeLimit(.minutes(1)))
    func overrun() async {
        let watchdog = DeadlineWatchdog(tick: .milliseconds(5))
        let start = ContinuousClock.now
        let (cancelled, expired) = await watchdog.run(until: start.advanced(by: .milliseconds(100))) { await Self.sleeper() }
        let elapsed = start.duration(to: .now)
        #expect(cancelled && expired)
        #expect(elapsed >= .milliseconds(100) && elapsed < .milliseconds(600), "took \(elapsed)")
    }

    @Test("an operation that finishes in time keeps its value and is not reported expired")
    func inTime() async {
        let watchdog = DeadlineWatchdog(tick: .milliseconds(5))
        let (value, expired) = await watchdog.run(until: .now.advanced(by: .seconds(5))) { 42 }
        #expect(value == 42)
        #expect(!expired)
    }

    @Test("after a second without work the sweeper exits; the next deadline still holds", .timeLimit(.minutes(1)))
    func restartsAfterIdle() async throws {
        let watchdog = DeadlineWatchdog(tick: .milliseconds(5))
        _ = await watchdog.run(until: .now.advanced(by: .seconds(5))) { 1 }
        try await Task.sleep(for: .milliseconds(1_500))  // > one idle second: the sweeper has exited
        let start = ContinuousClock.now
        let (cancelled, expired) = await watchdog.run(until: start.advanced(by: .milliseconds(100))) { await Self.sleeper() }
        #expect(cancelled && expired)
        #expect(start.duration(to: .now) < .milliseconds(600))
    }

    @Test("cancelling the caller cancels the operation, which is then not reported expired", .timeLimit(.minutes(1)))
    func callerCancelled() async {
        let watchdog = DeadlineWatchdog(tick: .milliseconds(5))
        let task = Task { await watchdog.run(until: .now.advanced(by: .seconds(20))) { await Self.sleeper() } }
        try? await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let (cancelled, expired) = await task.value
        #expect(cancelled)
        #expect(!expired)
    }
}
