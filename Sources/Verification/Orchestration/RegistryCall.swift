/// Runs one registry query under a deadline.
///
/// The query runs in its own task under the shared ``DeadlineWatchdog``, which cancels it when the deadline passes.
/// A query that overruns yields `.unavailable(.timeout)`; cancellation of the caller yields `.unavailable(.cancelled)`.
/// Ports must honour task cancellation (every `async` HTTP call and `Task.sleep` do), otherwise the call waits for
/// them to notice.
public enum RegistryCall {
    /// The result of `query`, or `.unavailable(.timeout)` when `deadline` passes first.
    ///
    /// - Parameters:
    ///   - deadline: when to give up.
    ///   - query: the port call; receives the same deadline to pass on.
    public static func run<Record: Sendable>(
        within deadline: Deadline,
        _ query: @escaping @Sendable (Deadline) async -> RegistryResult<Record>
    ) async -> RegistryResult<Record> {
        if Task.isCancelled { return .unavailable(.cancelled) }
        if deadline.hasExpired { return .unavailable(.timeout) }
        let (outcome, expired) = await DeadlineWatchdog.shared.run(until: deadline.instant) { await query(deadline) }
        // An answer that arrived is kept even when the deadline passed meanwhile (the query may not have looked at
        // cancellation); only a missing answer becomes a timeout.
        if expired, case .unavailable = outcome { return .unavailable(.timeout) }
        if Task.isCancelled, case .unavailable = outcome { return .unavailable(.cancelled) }
        return outcome
    }
}
