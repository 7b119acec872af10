import Foundation
public import Identifiers
public import Logging
public import RegistryTransport
public import Verification

/// The health registries over JSON REST behind an OAuth2 client-credentials token (the token lives in the
/// transport's configuration: ``RegistryCredentials/oauth2ClientCredentials(_:)``).
///
/// `GET /api/v1/patients/{iin}`: 200 → `.found`; 404 `application/problem+json` → `.notFound`; malformed JSON or an
/// answer about another IIN → `.invalidResponse`; anything else (5xx, 400, transport failure, token refused) →
/// `.unavailable`. Evidence: the answer's `X-Request-ID` when it sends one, else the id we sent.
public struct HealthAdapter: HealthRegistry {
    /// The transport (with OAuth2 credentials).
    public let transport: RegistryTransport
    /// Path of the patient resource; `{iin}` is replaced. Default: `/api/v1/patients/{iin}`.
    public let patientPath: String
    private let logger: Logger

    /// Creates the adapter.
    public init(transport: RegistryTransport, patientPath: String = "/api/v1/patients/{iin}", logger: Logger) {
        self.transport = transport
        self.patientPath = patientPath
        self.logger = logger
    }

    /// Everything the health registries hold about `iin`.
    public func healthFacts(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<HealthFacts> {
        let requestId = RandomUUID.lowercased()
        let response: RegistryResponse
        do {
            response = try await transport.execute(
                RegistryRequest(
                    method: .get, path: patientPath.replacingOccurrences(of: "{iin}", with: iin.unmasked),
                    headers: [(name: "Accept", value: "application/json"), (name: "X-Request-ID", value: requestId)], operation: "patient"),
                deadline: deadline.instant)
        } catch {
            return .unavailable(UnavailabilityReason(error))
        }
        return Self.classify(response, iin: iin, requestId: requestId)
    }

    /// Classifies a received answer (pure; used by fixture tests).
    static func classify(_ response: RegistryResponse, iin: IIN, requestId: String) -> RegistryResult<HealthFacts> {
        let evidence = RegistryEvidence(
            registry: .health, messageId: response.header("X-Request-ID") ?? requestId, correlationId: requestId, resultCode: String(response.status))
        switch response.status {
        case 200:
            do {
                return .found(try HealthMapping.healthFacts(from: response.body, iin: iin), evidence: evidence)
            } catch {
                return error.field == "patient" ? .invalidResponse(.malformed("json")) : .invalidResponse(.unexpectedContent(error.field))
            }
        case 404 where response.header("Content-Type")?.lowercased().contains("application/problem+json") == true:
            return .notFound(evidence: evidence)
        default:
            return .unavailable(.httpStatus(response.status))
        }
    }

}
