public import Foundation

/// Chunks of batch jobs leased to workers, so any number of worker processes share one job and a dead worker's
/// chunk is taken over once its lease expires.
///
/// A job's input lines are planned as chunks; a worker leases one (`SELECT … FOR UPDATE SKIP LOCKED`: concurrent
/// workers never wait for each other or take the same chunk), renews the lease while it works, and completes it
/// with the chunk's results in one transaction — only while its lease token still holds, so a worker that lost its
/// lease saves nothing. Results are keyed by line and a line keeps its first result, so every row is in the output
/// exactly once whatever dies when.
///
/// ```swift
/// try await store.planChunks(batchID: id, chunks: plan, at: .now)
/// while let lease = try await store.leaseChunk(worker: "w1", batchID: nil, duration: .seconds(30), at: .now) {
///     let rows = try await decide(lease.lines)                    // renewLease(_:) every few seconds meanwhile
///     try await store.completeChunk(lease, results: rows, at: .now)
/// }
/// ```
public protocol BatchChunkLeaseStore: Sendable {
    /// Plans a job's chunks (ascending, disjoint line ranges). Chunks already planned for the job stay as they are,
    /// so planning twice is harmless. `.notFound` for an unknown batch.
    func planChunks(batchID: String, chunks: [BatchChunkPlan], at time: Date) async throws(StoreError)
    /// Leases the first available chunk — pending, or leased with an expired lease — of the oldest running job
    /// (only of `batchID` when given) to `worker` until `time + duration`; `nil` when none is available now.
    func leaseChunk(worker: String, batchID: String?, duration: Duration, at time: Date) async throws(StoreError) -> BatchChunkLease?
    /// Extends a lease still held. `.conflict` when it was lost (taken over after expiring, or the chunk is done).
    func renewLease(_ lease: BatchChunkLease, duration: Duration, at time: Date) async throws(StoreError) -> BatchChunkLease
    /// Saves the chunk's results (as `BatchStore.saveChunk` does for `lease.lines`) and marks the chunk done, in one
    /// transaction, if the lease still holds. Returns how many results were new.
    /// - Throws: `.conflict` when the lease was lost (nothing is saved), or a result lies outside the chunk.
    @discardableResult
    func completeChunk(_ lease: BatchChunkLease, results: [BatchRowResult], at time: Date) async throws(StoreError) -> Int
    /// How many of a job's chunks are pending, leased (live or expired) and done.
    func chunkProgress(batchID: String, at time: Date) async throws(StoreError) -> BatchChunkProgress
}
