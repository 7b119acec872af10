public import Hummingbird
import Logging
public import Storage

/// Lets a request through only when its authenticated client has one of the required roles; otherwise 403
/// `forbidden` naming them (or 401 when there is no client at all — the group is not behind authentication).
///
/// Use it through ``Hummingbird/RouterGroup/requiring(_:)`` or ``GatewayRoutes/v1(requiring:)``.
public struct RoleRequirementMiddleware: RouterMiddleware {
    /// The roles that may pass, in the order they are named in the 403 problem.
    public let roles: [APIKeyRecord.Role]

    /// Lets `roles` pass.
    public init(_ roles: [APIKeyRecord.Role]) {
        self.roles = roles
    }

    /// Checks the client's role.
    public func handle(
        _ request: Request, context: GatewayRequestContext, next: (Request, GatewayRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let client = context.client else { throw ServiceProblem.unauthenticated(invalidKey: false) }
        guard roles.contains(client.role) else {
            context.logger.info("qorgan.service.forbidden", metadata: ["client": .string(client.id), "role": .string(client.role.rawValue)])
            throw ServiceProblem.forbidden(requiredRoles: roles)
        }
        return try await next(request, context)
    }
}

extension RouterGroup where Context == GatewayRequestContext {
    /// A group inside this one (same path) whose routes need one of `roles`:
    ///
    /// ```swift
    /// let operators = routes.v1.requiring(.operator)
    /// operators.get("reviews") { … }
    /// ```
    public func requiring(_ roles: APIKeyRecord.Role...) -> RouterGroup<GatewayRequestContext> {
        group().add(middleware: RoleRequirementMiddleware(roles))
    }
}
