import Foundation

/// Runs `body` for `0..<count` on up to all cores and returns the results in index order.
///
/// Determinism comes from the callers: each index uses its own seeded stream, and results are
/// concatenated by index, so the output does not depend on scheduling.
func parallelMap<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = ResultSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.store(body(index), at: index)
    }
    return slots.values()
}

/// Result storage shared by the worker threads of `parallelMap`.
///
/// `@unchecked Sendable`: every access to `items` happens under `lock`, and each slot is written once.
private final class ResultSlots<T>: @unchecked Sendable {
    private var items: [T?]
    private let lock = NSLock()

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        items[index] = value
        lock.unlock()
    }

    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return items.map { $0! }
    }
}
