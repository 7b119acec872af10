import Service
import Testing

/// The console's per-registry window of recent calls.
struct RegistryHealthRecorderTests {
    @Test("keeps the most recent calls up to its capacity, per registry, with their errors and percentiles")
    func keepsRecentCalls() throws {
        let recorder = RegistryHealthRecorder(capacity: 3)
        for milliseconds in 1...5 {
            recorder.recordCall(registry: "individuals", nanoseconds: Int64(milliseconds) * 1_000_000, outcome: "status_2xx")
        }
        recorder.recordCall(registry: "health", nanoseconds: 9_000_000, outcome: "timeout")
        recorder.recordBreaker(registry: "health", value: 2)
        let snapshots = recorder.snapshots()
        #expect(snapshots.map(\.registry) == ["health", "individuals"])
        let individuals = try #require(snapshots.last)
        // 1, 2 dropped; 3, 4, 5 kept.
        #expect(individuals.calls == 3)
        #expect(individuals.errors == 0)
        #expect(individuals.p50Milliseconds == 4)
        #expect(individuals.p95Milliseconds == 5)
        let health = try #require(snapshots.first)
        #expect(health.calls == 1 && health.errors == 1 && health.breakerState == 2)

        // The ring keeps turning: three more calls replace the three kept.
        for milliseconds in 10...12 {
            recorder.recordCall(registry: "individuals", nanoseconds: Int64(milliseconds) * 1_000_000, outcome: "status_5xx")
        }
        let turned = try #require(recorder.snapshots().last)
        #expect(turned.calls == 3 && turned.errors == 3 && turned.p50Milliseconds == 11)
    }
}
