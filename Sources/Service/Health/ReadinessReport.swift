import Synchronization

/// The `/ready` body: overall `status` (`ok` or `unavailable`) and each check's result, in the order the checks
/// were given. Answered with 200 when every check is ok, 503 otherwise.
public struct ReadinessReport: Sendable, Hashable, Codable {
    /// One check's result.
    public struct Check: Sendable, Hashable, Codable {
        /// The check's name.
        public var name: String
        /// `ok` or `failed`.
        public var status: String
        /// Why it failed; absent when ok.
        public var reason: String?
        /// How long the check took, in milliseconds.
        public var durationMs: Int

        /// A check result.
        public init(name: String, status: String, reason: String?, durationMs: Int) {
            self.name = name
            self.status = status
            self.reason = reason
            self.durationMs = durationMs
        }
    }

    /// `ok` when every check passed, else `unavailable`.
    public var status: String
    /// The checks.
    public var checks: [Check]

    /// Whether every check passed.
    public var isReady: Bool { status == "ok" }

    /// A report.
    public init(status: String, checks: [Check]) {
        self.status = status
        self.checks = checks
    }

    /// Runs every check concurrently, each bounded by `timeout` (a check still running then counts as failed
    /// with reason `timed out`).
    public static func run(_ checks: [ReadinessCheck], timeout: Duration) async -> ReadinessReport {
        let results = await withTaskGroup(of: (Int, Check).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask { (index, await runOne(check, timeout: timeout)) }
            }
            var results = [Check?](repeating: nil, count: checks.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
        return ReadinessReport(status: results.allSatisfy { $0.status == "ok" } ? "ok" : "unavailable", checks: results)
    }

    private static func runOne(_ check: ReadinessCheck, timeout: Duration) async -> Check {
        let start = ContinuousClock.now
        // Unstructured tasks, so a check that ignores cancellation cannot hold `/ready` past the timeout.
        let status: ReadinessCheck.Status = await withCheckedContinuation { continuation in
            let pending = ResumeOnce(continuation)
            let resume: @Sendable (ReadinessCheck.Status) -> Void = { pending.resume($0) }
            let running = Task { resume(await check.check()) }
            Task {
                try? await Task.sleep(for: timeout)
                resume(.failed(reason: "timed out"))
                running.cancel()
            }
        }
        let elapsed = start.duration(to: .now)
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        switch status {
        case .ok:
            return Check(name: check.name, status: "ok", reason: nil, durationMs: milliseconds)
        case .failed(let reason):
            return Check(name: check.name, status: "failed", reason: PersonalDataMasker.standard.mask(reason), durationMs: milliseconds)
        }
    }
}

/// A continuation resumed by whichever of the check and its timer finishes first.
private final class ResumeOnce: Sendable {
    // Invariant: the continuation is taken (and resumed) under the mutex, exactly once.
    private let continuation: Mutex<CheckedContinuation<ReadinessCheck.Status, Never>?>

    init(_ continuation: CheckedContinuation<ReadinessCheck.Status, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ status: ReadinessCheck.Status) {
        continuation.withLock { waiting in
            waiting?.resume(returning: status)
            waiting = nil
        }
    }
}
