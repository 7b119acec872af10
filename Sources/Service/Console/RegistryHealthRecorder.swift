public import CoreMetrics
import Foundation
import Synchronization

/// Keeps each registry's recent calls in memory for the console's health page: latency and outcome of every call in a
/// sliding window, and the circuit breaker's state.
///
/// It is a swift-metrics `MetricsFactory` that listens to what the registry transport already reports —
/// `qorgan.registry.request.duration` (timer; dimensions `registry`, `outcome`) and `qorgan.registry.breaker.state`
/// (gauge: 0 closed, 1 half-open, 2 open) — and ignores every other metric. Give it to the transports next to the
/// Prometheus factory (`GatewayMetrics.bootstrap(registry:also:)`, or `RegistryAdapterFactory.make(…, metricsFactory:)`).
///
/// A call counts as an error when its outcome is not an HTTP status, or is `status_5xx`.
public final class RegistryHealthRecorder: MetricsFactory, Sendable {
    /// One registry's recent figures.
    public struct Snapshot: Sendable, Hashable {
        /// The registry's name (`individuals`, `health`, …).
        public var registry: String
        /// Calls in the window.
        public var calls: Int
        /// Calls in the window that failed (transport error, timeout, breaker open, 5xx).
        public var errors: Int
        /// Median latency in the window, in milliseconds; `nil` without calls.
        public var p50Milliseconds: Double?
        /// 95th percentile latency in the window, in milliseconds; `nil` without calls.
        public var p95Milliseconds: Double?
        /// The breaker gauge's last value: 0 closed, 1 half-open, 2 open; `nil` before the transport reported one.
        public var breakerState: Int?

        /// `errors / calls`, 0 without calls.
        public var errorRate: Double { calls == 0 ? 0 : Double(errors) / Double(calls) }
    }

    private struct Sample {
        var at: ContinuousClock.Instant
        var nanoseconds: Int64
        var failed: Bool
    }

    private struct Registry {
        /// The most recent calls, at most `capacity`: appended until full, then a ring whose oldest slot is `next`.
        var samples: [Sample] = []
        var next = 0
        var breaker: Int?

        /// Keeps `sample`, replacing the oldest one when `capacity` samples are kept already.
        mutating func record(_ sample: Sample, capacity: Int) {
            if samples.count < capacity {
                samples.append(sample)
            } else if capacity > 0 {
                samples[next] = sample
                next = (next + 1) % capacity
            }
        }
    }

    /// How far back the figures look. Default 5 minutes.
    public let window: Duration
    /// Samples kept per registry (the oldest are dropped first). Default 2 000.
    public let capacity: Int
    private let clock = ContinuousClock()
    private let state = Mutex<[String: Registry]>([:])

    /// A recorder with a window (default 5 minutes) and a per-registry capacity (default 2 000 calls).
    public init(window: Duration = .seconds(300), capacity: Int = 2_000) {
        self.window = window
        self.capacity = capacity
    }

    /// Every registry seen so far, by name.
    public func snapshots() -> [Snapshot] {
        let now = clock.now
        return state.withLock { registries in
            registries.keys.sorted().map { name in
                let entry = registries[name]!
                let recent = entry.samples.filter { $0.at.duration(to: now) <= window }
                let latencies = recent.map(\.nanoseconds).sorted()
                func percentile(_ p: Double) -> Double? {
                    guard !latencies.isEmpty else { return nil }
                    let index = min(latencies.count - 1, Int((Double(latencies.count - 1) * p).rounded()))
                    return Double(latencies[index]) / 1_000_000
                }
                return Snapshot(
                    registry: name, calls: recent.count, errors: recent.filter(\.failed).count, p50Milliseconds: percentile(0.5),
                    p95Milliseconds: percentile(0.95), breakerState: entry.breaker)
            }
        }
    }

    /// Records one call (the transport does this through the timer).
    public func recordCall(registry: String, nanoseconds: Int64, outcome: String) {
        let failed = !outcome.hasPrefix("status_") || outcome == "status_5xx"
        let sample = Sample(at: clock.now, nanoseconds: nanoseconds, failed: failed)
        // In place: copying the entry out and back (as before) copied the whole window, and dropping the oldest
        // sample shifted it, on every registry call.
        state.withLock { registries in
            registries[registry, default: Registry()].record(sample, capacity: capacity)
        }
    }

    /// Records the breaker gauge.
    public func recordBreaker(registry: String, value: Int) {
        state.withLock { registries in
            registries[registry, default: Registry()].breaker = value
        }
    }

    // MARK: - MetricsFactory

    /// The timer of registry calls feeds the window; other timers are ignored.
    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        guard label == "qorgan.registry.request.duration", let registry = dimensions.first(where: { $0.0 == "registry" })?.1 else {
            return NOOPMetricsHandler.instance
        }
        return CallTimer(recorder: self, registry: registry, outcome: dimensions.first { $0.0 == "outcome" }?.1 ?? "unknown")
    }

    /// The breaker gauge feeds the breaker state; other recorders are ignored.
    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        guard label == "qorgan.registry.breaker.state", let registry = dimensions.first(where: { $0.0 == "registry" })?.1 else {
            return NOOPMetricsHandler.instance
        }
        return BreakerGauge(recorder: self, registry: registry)
    }

    /// Counters are not used.
    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler { NOOPMetricsHandler.instance }
    /// Nothing to release.
    public func destroyCounter(_ handler: any CounterHandler) {}
    /// Nothing to release.
    public func destroyRecorder(_ handler: any RecorderHandler) {}
    /// Nothing to release.
    public func destroyTimer(_ handler: any TimerHandler) {}

    private final class CallTimer: TimerHandler, Sendable {
        let recorder: RegistryHealthRecorder
        let registry: String
        let outcome: String
        init(recorder: RegistryHealthRecorder, registry: String, outcome: String) {
            self.recorder = recorder
            self.registry = registry
            self.outcome = outcome
        }
        func recordNanoseconds(_ duration: Int64) { recorder.recordCall(registry: registry, nanoseconds: duration, outcome: outcome) }
    }

    private final class BreakerGauge: RecorderHandler, Sendable {
        let recorder: RegistryHealthRecorder
        let registry: String
        init(recorder: RegistryHealthRecorder, registry: String) {
            self.recorder = recorder
            self.registry = registry
        }
        func record(_ value: Int64) { recorder.recordBreaker(registry: registry, value: Int(value)) }
        func record(_ value: Double) { recorder.recordBreaker(registry: registry, value: Int(value)) }
    }
}
