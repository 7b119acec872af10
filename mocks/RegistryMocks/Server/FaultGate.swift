import Hummingbird
import NIOCore

/// Applies the protocol-independent part of a fault decision before a mock handles a request.
///
/// Latency comes first; then `hang`, `connectionReset`, `tooManyRequests` and `http500` are answered here. Any
/// other mode is handed to the mock (SOAP fault, malformed XML, wrong signature, token faults), as is `nil`.
enum FaultGate {
    /// What the gate decided (Hummingbird servers).
    enum Outcome {
        /// Answer with this response, without calling the mock.
        case answered(Response)
        /// Call the mock; `mode` is the fault it must inject itself, if any.
        case proceed(mode: FaultMode?, configuration: FaultConfiguration)
    }

    /// What a server does with a request once the decision's delay has passed.
    enum Verdict: Sendable {
        /// Send this answer without calling the mock.
        case reply(MockHTTPReply)
        /// Reset the connection (TCP RST) without answering.
        case close
        /// Hold the request this long, then close the connection without answering.
        case hang(Duration)
        /// Call the mock; `mode` is the fault it must inject itself, if any.
        case proceed(mode: FaultMode?, configuration: FaultConfiguration)
    }

    /// The verdict for `decision`, apart from its delay.
    static func verdict(_ decision: FaultInjector.Decision) -> Verdict {
        switch decision.mode {
        case .hang:
            return .hang(.milliseconds(Int64(decision.configuration.hangSeconds * 1000)))
        case .connectionReset:
            return .close
        case .tooManyRequests:
            var headers = HTTPFields()
            headers[.retryAfter] = String(decision.configuration.retryAfterSeconds)
            return .reply(.problem(.tooManyRequests, title: "Too Many Requests", headers: headers))
        case .http500:
            return .reply(.text("Internal Server Error", status: .internalServerError))
        default:
            return .proceed(mode: decision.mode, configuration: decision.configuration)
        }
    }

    static func pass(_ injector: FaultInjector, context: MockRequestContext) async throws -> Outcome {
        let decision = injector.decide()
        if decision.delay > .zero { try await Task.sleep(for: decision.delay) }
        switch verdict(decision) {
        case .hang(let duration):
            try await Task.sleep(for: duration)
            context.channel.close(mode: .all, promise: nil)
            return .answered(HTTPAnswer.empty(.gatewayTimeout))
        case .close:
            ConnectionReset.reset(context.channel)
            return .answered(HTTPAnswer.empty(.internalServerError))
        case .reply(let reply):
            return .answered(reply.response)
        case .proceed(let mode, let configuration):
            return .proceed(mode: mode, configuration: configuration)
        }
    }
}
