public import Hummingbird
import Foundation

/// `GET /health` — always 200 `{"status":"ok"}` while the process serves — and `GET /ready` — the
/// ``ReadinessReport`` of the injected checks, 200 when all pass, 503 otherwise. Neither needs an API key.
public struct HealthRoutes: Sendable {
    /// The checks `/ready` runs.
    public let checks: [ReadinessCheck]
    /// How long each check may take.
    public let timeout: Duration

    /// Health routes running `checks`, each bounded by `timeout`.
    public init(checks: [ReadinessCheck], timeout: Duration) {
        self.checks = checks
        self.timeout = timeout
    }

    /// Adds `/health` and `/ready` to `router`.
    public func register(on router: some RouterMethods<GatewayRequestContext>) {
        router.get("health") { _, _ in
            Self.json(#"{"status":"ok"}"#, status: .ok)
        }
        router.get("ready") { _, _ in
            let report = await ReadinessReport.run(checks, timeout: timeout)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = (try? encoder.encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"status":"unavailable"}"#
            return Self.json(body, status: report.isReady ? .ok : .serviceUnavailable)
        }
    }

    static func json(_ body: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        let buffer = ByteBuffer(string: body)
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }
}
