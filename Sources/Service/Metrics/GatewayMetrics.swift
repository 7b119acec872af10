public import Prometheus
public import CoreMetrics
import Synchronization

/// The Prometheus registry behind `/metrics`, and the one-time bootstrap of swift-metrics onto it so that every
/// swift-metrics user in the process (registry transport, adapters, decision counters) lands in the same registry.
///
/// The executable calls ``bootstrap(registry:)`` once and passes the returned registry to
/// ``buildGatewayApplication(configuration:apiKeys:readiness:metrics:logger:routes:)``. Tests create a
/// `PrometheusCollectorRegistry()` of their own instead and never bootstrap.
public enum GatewayMetrics {
    private static let installed = Mutex<PrometheusCollectorRegistry?>(nil)

    /// Bootstraps `MetricsSystem` with a `PrometheusMetricsFactory` on `registry` the first time it is called in
    /// the process; returns the registry that is installed (the first caller's, on later calls).
    ///
    /// - Parameter also: further factories that see every metric too (e.g. the console's `RegistryHealthRecorder`).
    @discardableResult
    public static func bootstrap(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), also: [any MetricsFactory] = []
    ) -> PrometheusCollectorRegistry {
        installed.withLock { current in
            if let current { return current }
            let prometheus = PrometheusMetricsFactory(registry: registry)
            MetricsSystem.bootstrap(also.isEmpty ? prometheus : MultiplexMetricsHandler(factories: [prometheus] + also))
            current = registry
            return registry
        }
    }

    /// The registry installed by ``bootstrap(registry:)``, `nil` before it ran.
    public static var bootstrappedRegistry: PrometheusCollectorRegistry? {
        installed.withLock { $0 }
    }

    /// The media type of the Prometheus text exposition format served at `/metrics`.
    public static let exposition = "text/plain; version=0.0.4; charset=utf-8"
}
