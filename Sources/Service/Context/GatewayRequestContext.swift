public import Hummingbird
import Logging
public import Storage
public import Verification

/// What the gateway knows about one request while it travels through middleware to a route: its request id,
/// the authenticated client (when the route is behind API-key auth), the deadline shared by every registry call
/// it causes, and a logger whose metadata carries the request id.
///
/// Middleware installed by ``buildGatewayRouter(configuration:apiKeys:readiness:metrics:routes:)`` fills it in;
/// routes read it:
///
/// ```swift
/// routes.v1(requiring: .registrar).post("registrations/verify") { request, context in
///     let body = try await request.decode(as: VerifyRequest.self, context: context)
///     context.logger.info("registration.verify", metadata: ["client": "\(context.client?.id ?? "-")"])
///     let evidence = await registry.person(body.iin, within: context.deadline)
///     …
/// }
/// ```
public struct GatewayRequestContext: RequestContext {
    /// Hummingbird's own per-request storage (logger, matched endpoint path, path parameters).
    public var coreContext: CoreRequestContextStorage

    /// The request id (`X-Request-ID`): the client's when it sent a sane one, otherwise generated. Echoed in the
    /// response header, written into problem bodies and every log line of the request.
    public var requestID: String

    /// The client that authenticated with an API key, `nil` on unauthenticated routes (`/health`, `/metrics`, …).
    public var client: APIKeyRecord?

    /// The deadline shared by every registry call this request causes (default 2 s after the request arrived,
    /// ``GatewayServiceConfiguration/requestDeadline``).
    public var deadline: Deadline

    /// The largest request body `request.decode(as:context:)` accepts, in bytes; larger bodies are answered 413
    /// (``GatewayServiceConfiguration/maxRequestBodySize``, default 1 MiB).
    public var maxUploadSize: Int

    /// Decodes JSON bodies and turns decoding failures into a 400 `invalid-json` problem naming the coding path.
    public var requestDecoder: GatewayJSONDecoder { GatewayJSONDecoder() }

    /// A context for a request that has just arrived; middleware fills in the request id, client and limits.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.requestID = source.logger[metadataKey: "hb.request.id"]?.description ?? "-"
        self.client = nil
        self.deadline = .after(GatewayServiceConfiguration.default.requestDeadline)
        self.maxUploadSize = GatewayServiceConfiguration.default.maxRequestBodySize
    }
}
