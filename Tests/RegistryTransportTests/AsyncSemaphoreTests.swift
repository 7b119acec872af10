import Testing
@testable import RegistryTransport

struct AsyncSemaphoreTests {
    @Test("no more than the permitted number of holders at once")
    func cap() async throws {
        let semaphore = AsyncSemaphore(permits: 2)
        let counter = Peak()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await semaphore.acquire()
                    await counter.enter()
                    try await Task.sleep(for: .milliseconds(5))
                    await counter.leave()
                    semaphore.release()
                }
            }
            try await group.waitForAll()
        }
        #expect(await counter.peak == 2)
    }

    @Test("a cancelled waiter leaves the queue and does not take a permit")
    func cancellation() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let waiter = Task { try await semaphore.acquire() }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        semaphore.release()
        try await semaphore.acquire()  // the permit came back, not to the cancelled waiter
        semaphore.release()
    }
}

actor Peak {
    private(set) var current = 0
    private(set) var peak = 0
    func enter() {
        current += 1
        peak = max(peak, current)
    }
    func leave() { current -= 1 }
}
