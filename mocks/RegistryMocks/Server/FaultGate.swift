import Hummingbird
import NIOCore

/// Applies the protocol-independent part of a fault decision before a mock handles a request.
///
/// Latency is slept first; then `hang`, `connectionReset`, `tooManyRequests` and `http500` are answered here. Any
/// other mode is handed to the mock (SOAP fault, malformed XML, wrong signature, token faults), as is `nil`.
enum FaultGate {
    /// What the gate decided.
    enum Outcome {
        /// Answer with this response, without calling the mock.
        case answered(Response)
        /// Call the mock; `mode` is the fault it must inject itself, if any.
        case proceed(mode: FaultMode?, configuration: FaultConfiguration)
    }

    static func pass(_ injector: FaultInjector, context: MockRequestContext) async throws -> Outcome {
        let decision = injector.decide()
        if decision.delay > .zero { try await Task.sleep(for: decision.delay) }
        switch decision.mode {
        case .hang:
            try await Task.sleep(for: .milliseconds(Int64(decision.configuration.hangSeconds * 1000)))
            context.channel.close(mode: .all, promise: nil)
            return .answered(HTTPAnswer.empty(.gatewayTimeout))
        case .connectionReset:
            context.channel.close(mode: .all, promise: nil)
            return .answered(HTTPAnswer.empty(.internalServerError))
        case .tooManyRequests:
            var headers = HTTPFields()
            headers[.retryAfter] = String(decision.configuration.retryAfterSeconds)
            return .answered(HTTPAnswer.problem(.tooManyRequests, title: "Too Many Requests", headers: headers))
        case .http500:
            return .answered(HTTPAnswer.text("Internal Server Error", status: .internalServerError))
        default:
            return .proceed(mode: decision.mode, configuration: decision.configuration)
        }
    }
}
