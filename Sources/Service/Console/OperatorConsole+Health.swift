import Foundation
import Hummingbird

/// Registry health: each registry's calls, latency, error rate and breaker state in the recorder's window.
extension OperatorConsole {
    func healthPage(_ page: Page) -> Response {
        guard let health else { return render("health", titleKey: "healthTitle", page, values: ["enabled": false]) }
        let rows: [[String: Any]] = health.snapshots().map { snapshot in
            let (kind, key): (String, String) =
                switch snapshot.breakerState {
                case 0: ("closed", "breakerClosed")
                case 1: ("halfOpen", "breakerHalfOpen")
                case 2: ("open", "breakerOpen")
                default: ("unknown", "breakerUnknown")
                }
            return [
                "name": snapshot.registry, "calls": snapshot.calls, "p50": snapshot.p50Milliseconds.map { String(format: "%.1f", $0) } ?? "—",
                "p95": snapshot.p95Milliseconds.map { String(format: "%.1f", $0) } ?? "—",
                "errorRate": String(format: "%.1f %%", snapshot.errorRate * 100), "breakerKind": kind, "breaker": page.text(key),
            ]
        }
        let minutes = Int(health.window.timeInterval / 60)
        return render("health", titleKey: "healthTitle", page, values: ["enabled": true, "registries": rows, "windowMinutes": minutes])
    }
}
