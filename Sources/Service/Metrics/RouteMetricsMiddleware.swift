public import Hummingbird
public import Prometheus
import Synchronization

/// Counts requests and records their latency per **route template** (`/v1/decisions/{id}`, never the concrete
/// path), method and status code in a Prometheus registry:
///
/// - `qorgan_http_requests_total{route,method,status}` — counter
/// - `qorgan_http_request_duration_seconds{route,method}` — histogram (5 ms … 10 s)
///
/// Requests that match no route are labelled `route="unmatched"`; methods outside the standard set `method="OTHER"`,
/// so a client cannot grow the label sets. It sits outside ``ProblemMiddleware``, so errors are counted with the
/// status they are answered with.
public struct RouteMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let metrics: Metrics

    /// Records into `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.metrics = Metrics(registry: registry)
    }

    /// Times the request and records it under its route template.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.record(route: context.endpointPath, method: request.method, status: response.status, duration: start.duration(to: .now))
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            metrics.record(route: context.endpointPath, method: request.method, status: status, duration: start.duration(to: .now))
            throw error
        }
    }

    /// The label value for a matched endpoint path (`nil` or Hummingbird's `NotFound` marker → `unmatched`).
    static func routeLabel(_ endpointPath: String?) -> String {
        guard let endpointPath, endpointPath != "NotFound" else { return "unmatched" }
        return endpointPath
    }

    /// The method label: the standard methods by name, anything else `OTHER`.
    static func methodLabel(_ method: HTTPRequest.Method) -> String {
        switch method {
        case .get, .head, .post, .put, .delete, .patch, .options, .connect, .trace: method.rawValue
        default: "OTHER"
        }
    }

    /// The metric objects, cached per label set (the registry would also hand back the same object, under its lock).
    final class Metrics: Sendable {
        private struct CounterKey: Hashable {
            let route: String
            let method: String
            let status: Int
        }

        private struct HistogramKey: Hashable {
            let route: String
            let method: String
        }

        let registry: PrometheusCollectorRegistry
        private let counters = Mutex<[CounterKey: Counter]>([:])
        private let histograms = Mutex<[HistogramKey: DurationHistogram]>([:])

        /// `qorgan_http_requests_total`.
        static var requests: MetricNameDescriptor {
            MetricNameDescriptor(
                namespace: "qorgan", subsystem: "http", metricName: "requests", unitName: "total",
                helpText: "HTTP requests answered, by route template, method and status code."
            )
        }

        /// `qorgan_http_request_duration_seconds`.
        static var duration: MetricNameDescriptor {
            MetricNameDescriptor(
                namespace: "qorgan", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                helpText: "Time from request to response head, by route template and method."
            )
        }

        static var buckets: [Duration] { [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
        ] }

        init(registry: PrometheusCollectorRegistry) {
            self.registry = registry
        }

        func record(route endpointPath: String?, method: HTTPRequest.Method, status: HTTPResponse.Status, duration: Duration) {
            let route = RouteMetricsMiddleware.routeLabel(endpointPath)
            let method = RouteMetricsMiddleware.methodLabel(method)
            let counterKey = CounterKey(route: route, method: method, status: status.code)
            let counter = counters.withLock { cache in
                if let counter = cache[counterKey] { return counter }
                let counter = registry.makeCounter(
                    descriptor: Self.requests,
                    labels: [("route", route), ("method", method), ("status", String(status.code))]
                )
                cache[counterKey] = counter
                return counter
            }
            let histogramKey = HistogramKey(route: route, method: method)
            let histogram = histograms.withLock { cache in
                if let histogram = cache[histogramKey] { return histogram }
                let histogram = registry.makeDurationHistogram(
                    descriptor: Self.duration,
                    labels: [("route", route), ("method", method)],
                    buckets: Self.buckets
                )
                cache[histogramKey] = histogram
                return histogram
            }
            counter.increment()
            histogram.record(duration)
        }
    }
}
