/// Runs several registry queries of the same record type concurrently under one deadline.
///
/// Each query gets the same deadline; one that overruns it yields `.unavailable(.timeout)` for its key while the
/// others keep their answers. The whole call returns by the deadline (plus scheduling slack), provided the queries
/// honour cancellation.
///
/// ```swift
/// let results = await RegistryFanOut.collect(within: .after(.seconds(2)), [
///     "child": { deadline in await individuals.person(child, within: deadline) },
///     "parent": { deadline in await individuals.person(parent, within: deadline) },
/// ])
/// ```
public enum RegistryFanOut {
    /// One query: a port call that receives the shared deadline.
    public typealias Query<Record: Sendable> = @Sendable (Deadline) async -> RegistryResult<Record>

    /// The result of every query, by key; every key of `queries` is present in the answer.
    ///
    /// - Parameters:
    ///   - deadline: the shared deadline.
    ///   - maximumConcurrency: at most this many queries in flight at once (default: all of them).
    ///   - queries: the queries by key.
    public static func collect<Key: Hashable & Sendable, Record: Sendable>(
        within deadline: Deadline,
        maximumConcurrency: Int = .max,
        _ queries: [Key: Query<Record>]
    ) async -> [Key: RegistryResult<Record>] {
        await withTaskGroup(of: (Key, RegistryResult<Record>).self) { group in
            var results: [Key: RegistryResult<Record>] = [:]
            results.reserveCapacity(queries.count)
            var pending = queries.makeIterator()
            var inFlight = 0
            let limit = max(1, maximumConcurrency)
            while inFlight < limit, let (key, query) = pending.next() {
                group.addTask { (key, await RegistryCall.run(within: deadline, query)) }
                inFlight += 1
            }
            while let (key, result) = await group.next() {
                results[key] = result
                if let (nextKey, query) = pending.next() {
                    group.addTask { (nextKey, await RegistryCall.run(within: deadline, query)) }
                }
            }
            return results
        }
    }
}
