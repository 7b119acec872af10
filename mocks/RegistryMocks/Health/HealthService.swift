import Foundation
import Hummingbird
import Identifiers
import Logging
import NIOCore
import Population

/// The health mock: JSON REST behind an OAuth2 client-credentials token.
///
/// - `POST /oauth/token` (form or JSON: `grant_type=client_credentials`, `client_id`, `client_secret`; or HTTP Basic)
///   → `{"access_token", "token_type": "Bearer", "expires_in"}`; wrong client → 401 `invalid_client`.
/// - `GET /api/v1/patients/{iin}` → the whole record; `/attachment`, `/disabilities`, `/dispensary`,
///   `/sports-clearances` → one part. 401 (`WWW-Authenticate: Bearer error="invalid_token"`) for a missing, unknown
///   or expired token; 400 for an invalid IIN; 404 problem for an unknown one.
struct HealthService: Sendable {
    let population: Population
    let client: HealthClientCredentials
    let tokenLifetime: Duration
    let tokens: TokenStore
    let injector: FaultInjector
    let logger: Logger

    func register(on router: Router<MockRequestContext>) {
        ControlRoutes.register(on: router, injector: injector)
        router.post("/oauth/token") { request, context in
            try await gated(context) { mode in try await issueToken(request, mode: mode) }
        }
        let patients = router.group("/api/v1/patients")
        patients.get(":iin") { request, context in
            try await gated(context) { mode in resource(request, context: context, mode: mode) { patient in patient } }
        }
        patients.get(":iin/attachment") { request, context in
            try await gated(context) { mode in
                resource(request, context: context, mode: mode) { patient in patient.attachment }
            }
        }
        patients.get(":iin/disabilities") { request, context in
            try await gated(context) { mode in
                resource(request, context: context, mode: mode) { patient in
                    HealthDocuments.Collection(iin: patient.iin, items: patient.disabilities)
                }
            }
        }
        patients.get(":iin/dispensary") { request, context in
            try await gated(context) { mode in
                resource(request, context: context, mode: mode) { patient in
                    HealthDocuments.Collection(iin: patient.iin, items: patient.dispensary)
                }
            }
        }
        patients.get(":iin/sports-clearances") { request, context in
            try await gated(context) { mode in
                resource(request, context: context, mode: mode) { patient in
                    HealthDocuments.Collection(iin: patient.iin, items: patient.sportsClearances)
                }
            }
        }
    }

    private func gated(_ context: MockRequestContext, _ body: (FaultMode?) async throws -> Response) async throws -> Response {
        switch try await FaultGate.pass(injector, context: context) {
        case .answered(let response):
            return response
        case .proceed(let mode, _):
            switch mode {
            case .error?, .soapFault?:
                return HTTPAnswer.problem(.internalServerError, title: "Internal Server Error")
            case .malformedXML?:
                return Response(
                    status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "{\"iin\": \"")))
            default:
                return try await body(mode)
            }
        }
    }

    private func issueToken(_ request: Request, mode: FaultMode?) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 16 * 1024)
        let fields = Self.fields(of: Data(body.readableBytesView), contentType: request.headers[.contentType])
        var clientId = fields["client_id"], clientSecret = fields["client_secret"]
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(authorization.dropFirst(6))).flatMap({ String(data: $0, encoding: .utf8) }),
            let colon = decoded.firstIndex(of: ":")
        {
            clientId = String(decoded[..<colon])
            clientSecret = String(decoded[decoded.index(after: colon)...])
        }
        guard fields["grant_type"] == "client_credentials" else {
            return HTTPAnswer.json(
                HealthDocuments.OAuthError(error: "unsupported_grant_type", error_description: "only client_credentials"), status: .badRequest)
        }
        guard clientId == client.clientId, clientSecret == client.clientSecret else {
            logger.info("qorgan.mocks.health.token_refused")
            return HTTPAnswer.json(
                HealthDocuments.OAuthError(error: "invalid_client", error_description: "client authentication failed"), status: .unauthorized,
                headers: [.wwwAuthenticate: "Basic realm=\"health\""])
        }
        let lifetime: Duration = mode == .expiredToken ? .zero : tokenLifetime
        let token = tokens.issue(lifetime: lifetime)
        return HTTPAnswer.json(HealthDocuments.Token(access_token: token, token_type: "Bearer", expires_in: max(1, Int((Double(tokenLifetime.components.seconds) + Double(tokenLifetime.components.attoseconds) / 1e18).rounded(.up)))))
    }

    private func resource(
        _ request: Request, context: MockRequestContext, mode: FaultMode?, select: (HealthDocuments.Patient) -> (any Encodable)?
    ) -> Response {
        let bearer = request.headers[.authorization].flatMap { value -> String? in
            value.lowercased().hasPrefix("bearer ") ? String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
        }
        let refusal: TokenStore.Refusal? = mode == .invalidToken ? .unknown : tokens.check(bearer)
        if let refusal {
            let error = refusal == .missing ? "Bearer realm=\"health\"" : "Bearer realm=\"health\", error=\"invalid_token\", error_description=\"\(refusal.rawValue)\""
            return HTTPAnswer.problem(.unauthorized, title: "Unauthorized", detail: refusal.rawValue, headers: [.wwwAuthenticate: error])
        }
        guard let text = context.parameters.get("iin"), let iin = try? IIN(text) else {
            return HTTPAnswer.problem(.badRequest, title: "Invalid IIN", detail: "twelve digits with a valid check digit")
        }
        guard let record = population.health.patient(iin) else {
            logger.debug("qorgan.mocks.health.not_found", metadata: ["qorgan.iin": "\(iin.masked)"])
            return HTTPAnswer.problem(.notFound, title: "Patient not found")
        }
        let patient = HealthDocuments.Patient(record, organisations: population.business)
        guard let document = select(patient) else { return HTTPAnswer.problem(.notFound, title: "No attachment") }
        return HTTPAnswer.json(document)
    }

    /// Form (`application/x-www-form-urlencoded`) or JSON object fields.
    static func fields(of body: Data, contentType: String?) -> [String: String] {
        if contentType?.lowercased().contains("json") == true {
            guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return [:] }
            return object.compactMapValues { $0 as? String }
        }
        var result: [String: String] = [:]
        let text = String(decoding: body, as: UTF8.self)
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            let key = Self.decode(parts[0])
            result[key] = parts.count == 2 ? Self.decode(parts[1]) : ""
        }
        return result
    }

    private static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }
}
