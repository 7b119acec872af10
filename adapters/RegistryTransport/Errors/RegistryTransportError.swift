/// Why a registry call failed at the transport level (no answer, or an answer the transport refuses to hand on).
///
/// One struct around a private code; compare with the static members (`error == .timeout`). ``shortDescription`` is a
/// stable, payload-free label for metrics and logs. HTTP statuses that carry a business answer (2xx, 404, 400, …) are
/// *not* errors: the transport returns them and the adapter decides.
public struct RegistryTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case timeout
        case connection
        case httpStatus = "http_status"
        case breakerOpen = "breaker_open"
        case rateLimited = "rate_limited"
        case authentication
        case responseTooLarge = "response_too_large"
        case invalidRequest = "invalid_request"
        case cancelled
        case shutdown
    }

    private let code: Code
    /// The HTTP status for ``httpStatus(_:)``, ``rateLimited`` and ``authentication``; otherwise `nil`.
    public let status: Int?

    private init(_ code: Code, status: Int? = nil) {
        self.code = code
        self.status = status
    }

    /// No complete answer before the per-attempt timeout, the registry's total timeout or the caller's deadline.
    public static let timeout = RegistryTransportError(.timeout)
    /// The connection could not be made, or broke before a complete answer.
    public static let connection = RegistryTransportError(.connection)
    /// The registry answered with a status that carries no business answer (5xx), after retries.
    public static func httpStatus(_ status: Int) -> RegistryTransportError { RegistryTransportError(.httpStatus, status: status) }
    /// The circuit breaker is open: the registry is not being called for now.
    public static let breakerOpen = RegistryTransportError(.breakerOpen)
    /// The registry kept answering 429 until the retries or the time ran out.
    public static let rateLimited = RegistryTransportError(.rateLimited, status: 429)
    /// Our credentials were refused (token endpoint failure, or 401 after one refresh).
    public static func authentication(status: Int? = nil) -> RegistryTransportError { RegistryTransportError(.authentication, status: status) }
    /// The response body exceeded the configured maximum.
    public static let responseTooLarge = RegistryTransportError(.responseTooLarge)
    /// The request could not be built (bad URL, bad header).
    public static let invalidRequest = RegistryTransportError(.invalidRequest)
    /// The caller cancelled the call.
    public static let cancelled = RegistryTransportError(.cancelled)
    /// The shared client was shut down.
    public static let shutdown = RegistryTransportError(.shutdown)

    /// A stable label without payload: `timeout`, `connection`, `http_status`, `breaker_open`, `rate_limited`, …
    public var shortDescription: String { code.rawValue }

    /// The label plus the status when there is one, e.g. `http_status(503)`.
    public var description: String { status.map { "\(code.rawValue)(\($0))" } ?? code.rawValue }

    /// Equal when the kinds are equal (`.httpStatus(500) == .httpStatus(503)`); compare ``status`` for the code.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }

    /// Hashes the kind only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
