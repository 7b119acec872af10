import Metrics
import Storage

/// Decisions by kind and outcome (`qorgan_decisions_total`), through swift-metrics.
enum GatewayDecisionMetrics {
    static func count(kind: DecisionKind, outcome: String) {
        Counter(label: "qorgan_decisions_total", dimensions: [("kind", kind.rawValue), ("outcome", outcome)]).increment()
    }
}
