import Synchronization

/// Counts of labelled outcomes, shared by the load generator's workers.
final class OutcomeTally: Sendable {
    private let storage = Mutex<[String: Int]>([:])

    /// Adds one to `label`.
    func add(_ label: String) { storage.withLock { $0[label, default: 0] += 1 } }

    /// The counts so far.
    var counts: [String: Int] { storage.withLock { $0 } }
}
