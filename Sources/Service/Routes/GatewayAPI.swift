import Hummingbird
public import Storage

/// Registers the business routes of `/v1` with their roles.
///
/// | route | roles |
/// |---|---|
/// | `POST /v1/registrations/verify` | registrar, operator |
/// | `POST /v1/voucher-activations` | registrar, operator |
/// | `POST /v1/provider-checks` | provider-admin, operator |
/// | `GET /v1/decisions/{id}` | registrar, operator, auditor; provider-admin for provider checks only |
/// | `GET /v1/reviews` | operator, auditor |
/// | `POST /v1/reviews/{id}/resolve` | operator |
/// | `POST /v1/consents`, `POST /v1/consents/{id}/confirm` | registrar, operator |
/// | `POST /v1/batches` | operator |
/// | `GET /v1/batches/{id}`, `GET /v1/batches/{id}/results`, `GET /v1/batches/{id}/report` | operator, auditor |
public struct GatewayAPI: Sendable {
    /// What the routes use.
    public let dependencies: GatewayDependencies

    /// Creates the API.
    public init(dependencies: GatewayDependencies) {
        self.dependencies = dependencies
    }

    /// Adds every business route.
    public func register(on routes: GatewayRoutes) {
        let registration = RegistrationVerification(dependencies: dependencies)
        let voucher = VoucherActivation(dependencies: dependencies)
        let queries = DecisionQueries(dependencies: dependencies)
        let consents = ConsentFlow(dependencies: dependencies)
        let providers = ProviderCheck(dependencies: dependencies)
        let registrars = routes.v1(requiring: .registrar, .operator)
        registrars.post("registrations/verify", use: registration.handle)
        registrars.post("voucher-activations", use: voucher.handle)
        registrars.post("consents", use: consents.create)
        registrars.post("consents/:id/confirm", use: consents.confirm)
        routes.v1(requiring: .providerAdmin, .operator).post("provider-checks", use: providers.handle)
        routes.v1(requiring: .registrar, .providerAdmin, .operator, .auditor).get("decisions/:id", use: queries.decision)
        routes.v1(requiring: .operator, .auditor).get("reviews", use: queries.reviews)
        routes.v1(requiring: .operator).post("reviews/:id/resolve", use: queries.resolve)
        let batches = BatchRoutes(dependencies: dependencies)
        routes.v1(requiring: .operator).post("batches", use: batches.start)
        let batchReaders = routes.v1(requiring: .operator, .auditor)
        batchReaders.get("batches/:id", use: batches.status)
        batchReaders.get("batches/:id/results", use: batches.results)
        batchReaders.get("batches/:id/report", use: batches.report)
    }
}
