import Foundation
import Hummingbird
import NIOCore

/// `/_control/faults` on every mock's port: read, replace and reset its fault configuration at run time.
///
/// - `GET /_control/faults` → the ``FaultConfiguration`` in force (JSON).
/// - `POST /_control/faults` with a ``FaultConfiguration`` (JSON; absent keys take the defaults) → 200 with the new one.
/// - `DELETE /_control/faults` → 204; back to ``FaultConfiguration/none``.
///
/// Control routes never have faults injected.
enum ControlRoutes {
    static func register(on router: Router<MockRequestContext>, injector: FaultInjector) {
        let group = router.group("_control")
        group.get("faults") { _, _ in
            HTTPAnswer.json(injector.configuration)
        }
        group.post("faults") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 64 * 1024)
            do {
                let configuration = try JSONCoding.decoder.decode(FaultConfiguration.self, from: Data(body.readableBytesView))
                guard (0...1).contains(configuration.rate), configuration.hangSeconds >= 0, configuration.retryAfterSeconds >= 0 else {
                    return HTTPAnswer.problem(.badRequest, title: "Invalid fault configuration", detail: "rate 0…1, non-negative durations")
                }
                injector.update(configuration)
                return HTTPAnswer.json(configuration)
            } catch {
                return HTTPAnswer.problem(.badRequest, title: "Invalid fault configuration", detail: "expected FaultConfiguration JSON")
            }
        }
        group.delete("faults") { _, _ in
            injector.update(.none)
            return HTTPAnswer.empty(.noContent)
        }
    }
}
