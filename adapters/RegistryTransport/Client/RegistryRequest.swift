/// One HTTP request to a registry, relative to its base URL.
public struct RegistryRequest: Sendable {
    /// HTTP methods the registries use.
    public enum Method: String, Sendable, Hashable {
        /// GET (idempotent).
        case get = "GET"
        /// POST.
        case post = "POST"
        /// PUT (idempotent).
        case put = "PUT"
        /// DELETE (idempotent).
        case delete = "DELETE"
    }

    /// The method.
    public var method: Method
    /// Path and query below the base URL, starting with `/`. Keep personal data out of it where the registry allows
    /// (metrics and logs use ``operation``, never the path).
    public var path: String
    /// Extra headers.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]?
    /// Whether the request may be sent twice without harm (only then is it retried). Default: `true` for GET,
    /// PUT and DELETE, `false` for POST — a SyncChannel read sent by POST sets it to `true` explicitly.
    public var isIdempotent: Bool
    /// A label from a small fixed set naming the operation (`person`, `token`, `send`), used in metrics and logs.
    public var operation: String

    /// Creates a request.
    public init(
        method: Method, path: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil, isIdempotent: Bool? = nil,
        operation: String
    ) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.isIdempotent = isIdempotent ?? (method != .post)
        self.operation = operation
    }
}
