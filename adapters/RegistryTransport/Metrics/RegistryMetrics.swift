import CoreMetrics
import Metrics

/// The metrics of one registry: request latency, errors by kind, breaker state.
///
/// Labels only from fixed sets: the registry name, the operation, the outcome, the error's short description.
/// Metric names: `qorgan.registry.request.duration` (timer), `qorgan.registry.errors` (counter),
/// `qorgan.registry.breaker.state` (gauge: 0 closed, 1 half-open, 2 open).
struct RegistryMetrics: Sendable {
    let registry: String
    let factory: any MetricsFactory
    private let breakerGauge: Gauge

    init(registry: String, factory: any MetricsFactory) {
        self.registry = registry
        self.factory = factory
        breakerGauge = Gauge(label: "qorgan.registry.breaker.state", dimensions: [("registry", registry)], factory: factory)
    }

    /// Records one call's latency with its outcome (`success`, `http_status`, `timeout`, …).
    func recordLatency(_ duration: Duration, operation: String, outcome: String) {
        let timer = Timer(
            label: "qorgan.registry.request.duration", dimensions: [("registry", registry), ("operation", operation), ("outcome", outcome)],
            factory: factory)
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
