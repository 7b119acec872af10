import Foundation
import Hummingbird
import NIOCore

/// `/_control/faults` on every mock's port: read, replace and reset its fault configuration at run time.
///
/// - `GET /_control/faults` → the ``FaultConfiguration`` in force (JSON).
/// - `POST /_control/faults` with a ``FaultConfiguration`` (JSON; absent keys take the defaults) → 200 with the new one.
/// - `DELETE /_control/faults` → 204; back to ``FaultConfiguration/none``.
///
/// Control routes never have faults injected. The REST mocks serve them through Hummingbird (``register(on:injector:)``),
/// the SOAP mocks through their own server (``answer(method:body:injector:)``); both give the same answers.
enum ControlRoutes {
    /// The path of the control endpoint.
    static let path = "/_control/faults"
    /// The largest control body read.
    static let maximumBodyBytes = 64 * 1024

    static func register(on router: Router<MockRequestContext>, injector: FaultInjector) {
        let group = router.group("_control")
        group.get("faults") { _, _ in
            answer(method: .get, body: [], injector: injector)?.response ?? HTTPAnswer.empty(.methodNotAllowed)
        }
        group.post("faults") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: maximumBodyBytes)
            return answer(method: .post, body: Array(buffer: body), injector: injector)?.response ?? HTTPAnswer.empty(.methodNotAllowed)
        }
        group.delete("faults") { _, _ in
            answer(method: .delete, body: [], injector: injector)?.response ?? HTTPAnswer.empty(.methodNotAllowed)
        }
    }

    /// The answer to `method` on the control endpoint, or `nil` for a method it does not serve.
    static func answer(method: HTTPRequest.Method, body: [UInt8], injector: FaultInjector) -> MockHTTPReply? {
        switch method {
        case .get:
            return .json(injector.configuration)
        case .post:
            do {
                let configuration = try JSONCoding.decoder.decode(FaultConfiguration.self, from: Data(body))
                guard (0...1).contains(configuration.rate), configuration.hangSeconds >= 0, configuration.retryAfterSeconds >= 0 else {
                    return .problem(.badRequest, title: "Invalid fault configuration", detail: "rate 0…1, non-negative durations")
                }
                injector.update(configuration)
                return .json(configuration)
            } catch {
                return .problem(.badRequest, title: "Invalid fault configuration", detail: "expected FaultConfiguration JSON")
            }
        case .delete:
            injector.update(.none)
            return .empty(.noContent)
        default:
            return nil
        }
    }
}
