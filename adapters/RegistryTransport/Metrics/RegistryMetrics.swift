import CoreMetrics
import Metrics
import Synchronization

/// The metrics of one registry: request latency, errors by kind, breaker state.
///
/// Labels only from fixed sets: the registry name, the operation, the outcome, the error's short description.
/// Metric names: `qorgan.registry.request.duration` (timer), `qorgan.registry.errors` (counter),
/// `qorgan.registry.breaker.state` (gauge: 0 closed, 1 half-open, 2 open).
struct RegistryMetrics: Sendable {
    let registry: String
    let factory: any MetricsFactory
    private let breakerGauge: Gauge
    private let timers: TimerCache

    init(registry: String, factory: any MetricsFactory) {
        self.registry = registry
        self.factory = factory
        breakerGauge = Gauge(label: "qorgan.registry.breaker.state", dimensions: [("registry", registry)], factory: factory)
        timers = TimerCache()
    }

    /// Records one call's latency with its outcome (`success`, `http_status`, `timeout`, …).
    func recordLatency(_ duration: Duration, operation: String, outcome: String) {
        let timer = timers.timer(operation: operation, outcome: outcome) {
            Timer(
                label: "qorgan.registry.request.duration", dimensions: [("registry", registry), ("operation", operation), ("outcome", outcome)],
                factory: factory)
        }
        let (seconds, attoseconds) = duration.components
        timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Counts one error of kind `kind` (a short description).
    func recordError(_ kind: String, operation: String) {
        Counter(label: "qorgan.registry.errors", dimensions: [("registry", registry), ("operation", operation), ("kind", kind)], factory: factory)
            .increment()
    }

    /// Sets the breaker gauge.
    func recordBreaker(_ state: CircuitBreaker.State) {
        breakerGauge.record(state.gaugeValue)
    }
}

/// The latency timers of one registry by operation and outcome, made once each: asking the factory on every call
/// took its lock and built the label set each time (≈ 1.5 % of the gateway's CPU per voucher activation). Both
/// labels come from fixed sets, so the cache stays small.
private final class TimerCache: Sendable {
    private struct Key: Hashable {
        let operation: String
        let outcome: String
    }

    // Invariant: only touched under this mutex.
    private let timers = Mutex<[Key: Timer]>([:])

    func timer(operation: String, outcome: String, make: () -> Timer) -> Timer {
        let key = Key(operation: operation, outcome: outcome)
        if let timer = timers.withLock({ $0[key] }) { return timer }
        let made = make()
        return timers.withLock { timers in
            if let existing = timers[key] { return existing }
            timers[key] = made
            return made
        }
    }
}
