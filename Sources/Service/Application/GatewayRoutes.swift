public import Hummingbird
public import Storage

/// Where the business routes go: handed to the `routes` closure of
/// ``buildGatewayRouter(configuration:apiKeys:readiness:metrics:routes:)``.
///
/// ``v1`` is `/v1` behind API-key authentication and the per-key rate limit; ``v1(requiring:)`` narrows it to
/// roles (403 `forbidden` for others). Errors thrown by handlers become problem+json; bodies decoded with
/// `request.decode(as:context:)` get 400 `invalid-json` / 413 for free.
///
/// ```swift
/// buildGatewayApplication(configuration: configuration, apiKeys: store, metrics: registry, logger: logger) { routes in
///     routes.v1(requiring: .registrar, .operator).post("registrations/verify") { request, context in … }
///     routes.v1(requiring: .operator, .auditor).get("decisions/:id") { request, context in
///         let id = try context.parameters.require("id")
///         …
///     }
/// }
/// ```
public struct GatewayRoutes {
    /// `/v1`: authenticated (any role) and rate-limited.
    public let v1: RouterGroup<GatewayRequestContext>
    /// `/console`: the operator console's HTML pages — no API-key middleware; the console authenticates with its own
    /// session cookie (``OperatorConsole``). `nil` when the router was not built by
    /// ``buildGatewayRouter(configuration:apiKeys:readiness:metrics:routes:)``.
    public let console: RouterGroup<GatewayRequestContext>?

    /// Wraps the `/v1` group (and the `/console` group, when given).
    public init(v1: RouterGroup<GatewayRequestContext>, console: RouterGroup<GatewayRequestContext>? = nil) {
        self.v1 = v1
        self.console = console
    }

    /// `/v1` for clients with one of `roles` only.
    public func v1(requiring roles: APIKeyRecord.Role...) -> RouterGroup<GatewayRequestContext> {
        v1.group().add(middleware: RoleRequirementMiddleware(roles))
    }
}
