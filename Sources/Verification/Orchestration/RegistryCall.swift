/// Runs one registry query under a deadline.
///
/// The query runs as a child task next to a timer; whichever finishes first wins and the other is cancelled. A
/// query that overruns yields `.unavailable(.timeout)`; cancellation of the caller yields `.unavailable(.cancelled)`.
/// Ports must honour task cancellation (every `async` HTTP call and `Task.sleep` do), otherwise the group waits for
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
        return await withTaskGroup(of: RegistryResult<Record>?.self) { group in
            group.addTask { await query(deadline) }
            group.addTask {
                do {
                    try await Task.sleep(until: deadline.instant, clock: .continuous)
                    return .unavailable(.timeout)
                } catch {
                    return nil  // cancelled: the query finished first, or the caller was cancelled
                }
            }
            var outcome: RegistryResult<Record> = .unavailable(.cancelled)
            if let first = await group.next(), let result = first {
                outcome = result
            } else if let second = await group.next(), let result = second {
                outcome = result
            }
            group.cancelAll()
            if Task.isCancelled, case .unavailable = outcome { return .unavailable(.cancelled) }
            return outcome
        }
    }
}
