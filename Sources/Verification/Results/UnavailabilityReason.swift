/// Why a registry gave no usable answer.
///
/// A struct around a private code so cases can be added without breaking clients; compare with the static members
/// (`reason == .timeout`). ``shortDescription`` is a stable snake-case label without payload, fit for metrics.
public struct UnavailabilityReason: Sendable, Hashable, Codable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable, Codable {
        case timeout
        case connection
        case circuitOpen = "circuit_open"
        case rateLimited = "rate_limited"
        case fault
        case httpStatus = "http_status"
        case authentication
        case cancelled
        case other
    }

    private let code: Code
    /// Extra detail without personal data: the fault code, the HTTP status, a transport error's short description.
    public let detail: String?

    private init(_ code: Code, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }

    /// The answer did not arrive before the deadline or the configured timeout.
    public static let timeout = UnavailabilityReason(.timeout)
    /// The connection failed or was reset.
    public static let connection = UnavailabilityReason(.connection)
    /// The circuit breaker is open: the registry failed repeatedly and is not being called for now.
    public static let circuitOpen = UnavailabilityReason(.circuitOpen)
    /// The registry throttled us (HTTP 429) and retries ran out.
    public static let rateLimited = UnavailabilityReason(.rateLimited)
    /// The query was cancelled by the caller.
    public static let cancelled = UnavailabilityReason(.cancelled)
    /// The registry (or the bus) answered with a SOAP / SyncChannel fault.
    public static func fault(code: String) -> UnavailabilityReason { UnavailabilityReason(.fault, detail: code) }
    /// The registry answered with an HTTP status that carries no business answer (5xx, unexpected 4xx).
    public static func httpStatus(_ status: Int) -> UnavailabilityReason { UnavailabilityReason(.httpStatus, detail: String(status)) }
    /// Our credentials were refused (token or signature rejected by the registry).
    public static func authentication(_ detail: String? = nil) -> UnavailabilityReason { UnavailabilityReason(.authentication, detail: detail) }
    /// Another failure; `detail` is a short, payload-free description.
    public static func other(_ detail: String) -> UnavailabilityReason { UnavailabilityReason(.other, detail: detail) }

    /// A stable label without payload (`timeout`, `circuit_open`, `fault`, `http_status`, …).
    public var shortDescription: String { code.rawValue }

    /// The label plus its detail, e.g. `fault(MOCK-TIMEOUT)`, `http_status(503)`.
    public var description: String { detail.map { "\(code.rawValue)(\($0))" } ?? code.rawValue }

    /// Equal when the kinds are equal; the detail is informative only (`reason == .fault(code: "x")` compares kinds).
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }

    /// Hashes the kind only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
