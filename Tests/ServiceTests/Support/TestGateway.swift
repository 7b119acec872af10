import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Service
import Storage
import Synchronization

/// A gateway application wired for tests: an in-memory key store with one key per role, a fresh Prometheus
/// registry, a logger capturing JSON lines, and a few probe routes under `/v1`.
struct TestGateway {
    let store: InMemoryAPIKeyStore
    let auth: TestKeys
    let registry: PrometheusCollectorRegistry
    let lines: LogLines
    let app: Application<RouterResponder<GatewayRequestContext>>
    let router: Router<GatewayRequestContext>

    init(
        configuration: GatewayServiceConfiguration = .init(port: 0),
        readiness: [ReadinessCheck] = [],
        routes: (GatewayRoutes) -> Void = TestGateway.probeRoutes
    ) {
        let issuer = APIKeyIssuer()
        var keys: [APIKeyRecord.Role: String] = [:]
        var records: [APIKeyRecord] = []
        for role in APIKeyRecord.Role.allCases {
            let issued = issuer.issue(name: "test-\(role.rawValue)", role: role)
            keys[role] = issued.key
            records.append(issued.record)
        }
        let store = InMemoryAPIKeyStore(records)
        let registry = PrometheusCollectorRegistry()
        let lines = LogLines()
        var logger = Logger(label: "qorgan.test") { label in
            JSONLogHandler(label: label, destination: .custom { lines.append($0) }, level: .debug)
        }
        logger.logLevel = .debug
        let router = buildGatewayRouter(configuration: configuration, apiKeys: store, readiness: readiness, metrics: registry, routes: routes)
        self.store = store
        self.auth = TestKeys(keys: keys)
        self.registry = registry
        self.lines = lines
        self.router = router
        self.app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
    }


    /// Probe routes: `GET /v1/echo` (any role), `GET /v1/reviews` (operator, auditor), `POST /v1/json` (decodes
    /// a body), `POST /v1/small` (decodes with a 10-byte limit), `GET /v1/decisions/{id}` (any role), `GET /v1/boom` (throws an unexpected error),
    /// `GET /v1/log/{iin}` (logs a raw IIN on purpose).
    static func probeRoutes(_ routes: GatewayRoutes) {
        routes.v1.get("echo") { _, context in
            context.client?.role.rawValue ?? "none"
        }
        routes.v1(requiring: .operator, .auditor).get("reviews") { _, _ in
            "reviews"
        }
        routes.v1.post("json") { request, context in
            let body = try await request.decode(as: ProbeBody.self, context: context)
            return "ok \(body.child.age)"
        }
        routes.v1.post("small") { request, context in
            var limited = context
            limited.maxUploadSize = 10
            _ = try await request.decode(as: ProbeBody.self, context: limited)
            return "unreachable"
        }
        routes.v1.get("decisions/:id") { _, context in
            try context.parameters.require("id")
        }
        routes.v1.get("boom") { _, _ -> String in
            throw ProbeFailure(secret: "850415300121 Жанна")
        }
        routes.v1.get("log/:iin") { _, context in
            let iin = try context.parameters.require("iin")
            context.logger.info("probe \(iin)", metadata: ["iin": .string(iin), "nested": .dictionary(["list": .array([.string(iin)])])])
            return "logged"
        }
    }
}

/// The test keys, one per role (Sendable, so test client closures can capture them).
struct TestKeys: Sendable {
    let keys: [APIKeyRecord.Role: String]

    /// `Authorization: Bearer <key of role>`.
    func bearer(_ role: APIKeyRecord.Role) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(keys[role]!)"
        return headers
    }
}

/// The body `POST /v1/json` expects.
struct ProbeBody: Decodable {
    struct Child: Decodable {
        var iin: String
        var age: Int
    }

    var child: Child
}

/// An error no mapping knows, carrying personal data in its description.
struct ProbeFailure: Error, CustomStringConvertible {
    let secret: String
    var description: String { "failure for \(secret)" }
}

/// Captured log lines.
final class LogLines: Sendable {
    private let storage = Mutex<[String]>([])

    func append(_ line: String) {
        storage.withLock { $0.append(line) }
    }

    var all: [String] { storage.withLock { $0 } }

    var joined: String { all.joined(separator: "\n") }
}

extension TestResponse {
    /// The body decoded as a problem, when it is one.
    var problem: ProblemDetails? {
        guard headers[.contentType] == ProblemDetails.mediaType else { return nil }
        return try? JSONDecoder().decode(ProblemDetails.self, from: Data(body.readableBytesView))
    }

    /// The body as text.
    var text: String { String(buffer: body) }
}
