import GRDB
import Synchronization

/// Commits concurrent writes together (group commit): writes that arrive while a transaction is being written wait
/// and then share the next one. Each write still runs alone in its own savepoint, in arrival order, so it is atomic
/// and sees every earlier write; its caller returns only after the shared transaction has committed.
///
/// One transaction per request made the gateway pay a WAL commit and a hop to the writer's queue for every decision;
/// under load one commit now covers many (at most ``maximumBatch``).
final class SQLiteGroupCommit: Sendable {
    /// Most writes in one transaction.
    let maximumBatch: Int
    private let pool: DatabasePool
    private let state = Mutex(State())

    private struct Job: Sendable {
        /// Runs the write in a savepoint and keeps its outcome.
        let run: @Sendable (Database) -> Void
        /// Resumes the caller: with the kept outcome, or with the error that stopped the whole transaction.
        let finish: @Sendable ((any Error)?) -> Void
    }

    private struct State: Sendable {
        var pending: [Job] = []
        var draining = false
    }

    init(pool: DatabasePool, maximumBatch: Int = 64) {
        self.pool = pool
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Runs `body` in the next shared write transaction and returns its result once that transaction has committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = OutcomeBox<T>()
            let job = Job(
                run: { db in
                    do {
                        var value: T?
                        try db.inSavepoint {
                            value = try body(db)
                            return .commit
                        }
                        if let value { outcome.set(.success(value)) }
                    } catch {
                        outcome.set(.failure(error))
                    }
                },
                finish: { transactionError in
                    if let transactionError {
                        continuation.resume(throwing: transactionError)
                    } else if let result = outcome.take() {
                        continuation.resume(with: result)
                    } else {
                        continuation.resume(throwing: DatabaseError(resultCode: .SQLITE_ERROR, message: "write did not run"))
                    }
                })
            let startDrain = state.withLock { state in
                state.pending.append(job)
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            if startDrain { Task { await self.drain() } }
        }
    }

    /// Writes batches until no write is waiting.
    private func drain() async {
        while true {
            let batch: [Job] = state.withLock { state in
                guard !state.pending.isEmpty else {
                    state.draining = false
                    return []
                }
                let count = min(state.pending.count, maximumBatch)
                let batch = Array(state.pending.prefix(count))
                state.pending.removeFirst(count)
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                try await pool.write { db in
                    for job in batch { job.run(db) }
                }
                for job in batch { job.finish(nil) }
            } catch {
                for job in batch { job.finish(error) }
            }
        }
    }

    /// One write's outcome, set inside the transaction and read after the commit.
    private final class OutcomeBox<T: Sendable>: Sendable {
        private let value = Mutex<Result<T, any Error>?>(nil)
        func set(_ result: Result<T, any Error>) { value.withLock { $0 = result } }
        func take() -> Result<T, any Error>? { value.withLock { $0 } }
    }
}
