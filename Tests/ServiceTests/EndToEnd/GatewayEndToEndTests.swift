import Foundation
import Hummingbird
import HummingbirdTesting
import Identifiers
import Logging
import Population
import Prometheus
import RegistryAdapters
import RegistryMocks
import Service
import Storage
import Testing

/// The business routes against the in-process mock registries and a real SQLite store.
@Suite(.serialized) struct GatewayEndToEndTests {
    static let population: Population = try! PopulationGenerator(configuration: PopulationConfiguration(seed: 31, people: 4_000)).generate()

    struct World: Sendable {
        let mocks: RunningMocks
        let adapters: RegistryAdapterSet
        let store: SQLiteGatewayStore
        let registrar: String
        let operatorKey: String
        let auditor: String
        let providerAdmin: String
        /// What the routes use (also to start another batch scheduler over the same store).
        let dependencies: GatewayDependencies
        /// Where batch files go.
        let batchDirectory: URL
    }

    /// The gateway over the mocks of `population`, with one key per role; `now` is the gateway's clock and
    /// `service` its settings (e.g. a generous request deadline), `registryTimeout` each registry call's limit;
    /// `runsBatches: false` leaves the batch scheduler stopped (uploads stay `queued`).
    static func withWorld(
        population: Population = population, now: @escaping @Sendable () -> Date = { Date() },
        service: GatewayServiceConfiguration = .default, registryTimeoutMilliseconds: Int = 1_500, runsBatches: Bool = true,
        _ body: (World, Router<GatewayRequestContext>) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mocks = try await MockRegistries.start(population: population)
        try mocks.writeClientMaterial(to: directory)
        var configuration = try RegistryConfiguration.load(from: directory.appendingPathComponent("connection.json"), environment: [:])
        configuration.transport = TransportSettings(totalTimeoutMilliseconds: registryTimeoutMilliseconds, maximumAttempts: 1, breakerFailureThreshold: 100)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let adapters = try RegistryAdapterFactory.make(configuration, logger: logger)
        let store = try SQLiteGatewayStore(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .generate())
        let issuer = APIKeyIssuer()
        let registrar = issuer.issue(name: "registrar", role: .registrar)
        let operatorKey = issuer.issue(name: "operator", role: .operator)
        let auditor = issuer.issue(name: "auditor", role: .auditor)
        let providerAdmin = issuer.issue(name: "provider-admin", role: .providerAdmin)
        for key in [registrar, operatorKey, auditor, providerAdmin] { try await store.add(key.record) }
        var dependencies = GatewayDependencies(registries: adapters, store: store, protector: store.personalData, now: now)
        let batchDirectory = directory.appendingPathComponent("batches", isDirectory: true)
        let batches = BatchJobScheduler(dependencies: dependencies, directory: batchDirectory, logger: logger)
        dependencies.batches = batches
        let router = buildGatewayRouter(configuration: service, apiKeys: store, metrics: PrometheusCollectorRegistry()) { routes in
            GatewayAPI(dependencies: dependencies).register(on: routes)
        }
        let world = World(
            mocks: mocks, adapters: adapters, store: store, registrar: registrar.key, operatorKey: operatorKey.key, auditor: auditor.key,
            providerAdmin: providerAdmin.key, dependencies: dependencies, batchDirectory: batchDirectory)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                if runsBatches { group.addTask { await batches.run() } }
                try await body(world, router)
                group.cancelAll()
            }
        } catch {
            await adapters.shutdown()
            await mocks.shutdown()
            throw error
        }
        await adapters.shutdown()
        await mocks.shutdown()
    }

    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
    }

    static func headers(_ key: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(key)"
        headers[.contentType] = "application/json"
        return headers
    }

    /// An honest, noise-free declaration for a 5–6-year-old (no school check) with an active provider.
    static var honestDeclaration: Declaration {
        let truths = Dictionary(uniqueKeysWithValues: population.declarationTruth.map { ($0.declarationID, $0) })
        return population.declarations.first { declaration in
            guard let truth = truths[declaration.id], truth.fraud == nil, truth.noise.isEmpty else { return false }
            guard declaration.childBirthDate.hasSuffix("2019") || declaration.childBirthDate.hasSuffix("2020") else { return false }
            if let bin = try? BIN(declaration.providerID), let entity = population.business.legalEntity(bin) { return entity.status == .active }
            if let iin = try? IIN(declaration.providerID), let holder = population.business.entrepreneur(iin) { return holder.status == .active }
            return false
        }!
    }

    static func activation(_ declaration: Declaration, requestId: String) -> [String: Any] {
        [
            "requestId": requestId,
            "programme": ["id": "sport-2025", "region": declaration.region, "periodStart": "2025-09-01", "periodEnd": "2026-05-31"],
            "section": ["name": declaration.section, "requiresSportsClearance": false],
            "providerId": declaration.providerID,
            "child": [
                "iin": declaration.childIIN, "surname": declaration.childSurname, "firstName": declaration.childFirstName,
                "patronymic": declaration.childPatronymic, "birthDate": declaration.childBirthDate,
            ],
            "parent": [
                "iin": declaration.parentIIN, "surname": declaration.parentSurname, "firstName": declaration.parentFirstName,
                "patronymic": declaration.parentPatronymic, "phone": declaration.parentPhone,
            ],
        ]
    }

    @Test("consent by SMS code, then registration verification matches the registry")
    func registration() async throws {
        let declaration = Self.honestDeclaration
        try await Self.withWorld { world, router in
            try await Application(router: router).test(.router) { client in
                let verifyBody = Self.json([
                    "iin": declaration.parentIIN, "surname": declaration.parentSurname, "firstName": declaration.parentFirstName,
                    "patronymic": declaration.parentPatronymic,
                ])
                let withoutConsent = try await client.execute(uri: "/v1/registrations/verify", method: .post, headers: Self.headers(world.registrar), body: verifyBody)
                #expect(withoutConsent.status == .forbidden)
                #expect(Self.object(withoutConsent)["code"] as? String == "CONSENT_REQUIRED")

                let created = try await client.execute(
                    uri: "/v1/consents", method: .post, headers: Self.headers(world.registrar),
                    body: Self.json(["iin": declaration.parentIIN, "phone": "+77011234567"]))
                #expect(created.status == .created)
                let consentID = try #require(Self.object(created)["consentId"] as? String)
                let text = try #require(world.mocks.sentMessages.last?.text)
                let code = String(try #require(text.firstMatch(of: /\d{6}/)).output)
                let wrong = try await client.execute(
                    uri: "/v1/consents/\(consentID)/confirm", method: .post, headers: Self.headers(world.registrar), body: Self.json(["code": code == "000000" ? "111111" : "000000"]))
                #expect(wrong.status == .unprocessableContent)
                let confirmed = try await client.execute(
                    uri: "/v1/consents/\(consentID)/confirm", method: .post, headers: Self.headers(world.registrar), body: Self.json(["code": code]))
                #expect(confirmed.status == .ok)

                let verified = try await client.execute(uri: "/v1/registrations/verify", method: .post, headers: Self.headers(world.registrar), body: verifyBody)
                #expect(verified.status == .ok)
                let document = Self.object(verified)
                #expect(document["decision"] as? String == "MATCH")
                let registry = (document["registry"] as? [String: Any])?["person"] as? [String: Any]
                #expect((registry?["iin"] as? String)?.contains("******") == true)
                #expect(!String(buffer: verified.body).contains(declaration.parentIIN.filter(\.isNumber)))

                let bad = try await client.execute(uri: "/v1/registrations/verify", method: .post, headers: Self.headers(world.registrar), body: Self.json(["iin": "123456789012"]))
                #expect(bad.status == .unprocessableContent)
                #expect(Self.object(bad)["code"] as? String == "IIN_CHECKSUM")
            }
        }
    }

    @Test("voucher activation: ACTIVATE, idempotent replay, duplicate REJECT, decision lookup, auditor may not activate")
    func voucher() async throws {
        let declaration = Self.honestDeclaration
        try await Self.withWorld { world, router in
            try await Application(router: router).test(.router) { client in
                let first = try await client.execute(
                    uri: "/v1/voucher-activations", method: .post, headers: Self.headers(world.registrar), body: Self.json(Self.activation(declaration, requestId: "r-1")))
                #expect(first.status == .created)
                let document = Self.object(first)
                #expect(document["decision"] as? String == "ACTIVATE", "reasons: \(document["reasons"] ?? "-")")
                let id = try #require(document["decisionId"] as? String)

                let replay = try await client.execute(
                    uri: "/v1/voucher-activations", method: .post, headers: Self.headers(world.registrar), body: Self.json(Self.activation(declaration, requestId: "r-1")))
                #expect(replay.status == .ok)
                #expect(Self.object(replay)["decisionId"] as? String == id)

                let second = try await client.execute(
                    uri: "/v1/voucher-activations", method: .post, headers: Self.headers(world.registrar), body: Self.json(Self.activation(declaration, requestId: "r-2")))
                let secondDocument = Self.object(second)
                #expect(secondDocument["decision"] as? String == "REJECT")
                let codes = (secondDocument["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
                #expect(codes.contains("DUPLICATE_VOUCHER"))

                let fetched = try await client.execute(uri: "/v1/decisions/\(id)", method: .get, headers: Self.headers(world.auditor))
                #expect(fetched.status == .ok)
                #expect(Self.object(fetched)["decisionId"] as? String == id)

                let forbidden = try await client.execute(
                    uri: "/v1/voucher-activations", method: .post, headers: Self.headers(world.auditor), body: Self.json(Self.activation(declaration, requestId: "r-3")))
                #expect(forbidden.status == .forbidden)
                #expect(try await world.store.verifyChain() == .intact(entries: try #require(Self.chainLength(world.store))))
            }
        }
    }

    static func chainLength(_ store: SQLiteGatewayStore) async throws -> Int64? {
        if case .intact(let entries) = try await store.verifyChain() { return entries }
        return nil
    }

    @Test("individuals registry down: voucher REVIEW with REGISTRY_UNAVAILABLE (never REJECT), registration 503; the operator resolves the review")
    func registryDown() async throws {
        let declaration = Self.honestDeclaration
        try await Self.withWorld { world, router in
            world.mocks.setFaults(FaultConfiguration(mode: .http500), for: .individuals)
            try await Application(router: router).test(.router) { client in
                let response = try await client.execute(
                    uri: "/v1/voucher-activations", method: .post, headers: Self.headers(world.registrar), body: Self.json(Self.activation(declaration, requestId: "down-1")))
                let document = Self.object(response)
                #expect(document["decision"] as? String == "REVIEW")
                let codes = (document["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
                #expect(codes.contains("REGISTRY_UNAVAILABLE"))
                #expect(!codes.contains("PERSON_NOT_FOUND"))
                let reviewID = try #require(document["reviewId"] as? String)

                let queue = try await client.execute(uri: "/v1/reviews?status=open", method: .get, headers: Self.headers(world.operatorKey))
                #expect(String(buffer: queue.body).contains(reviewID))
                let resolved = try await client.execute(
                    uri: "/v1/reviews/\(reviewID)/resolve", method: .post, headers: Self.headers(world.operatorKey),
                    body: Self.json(["resolution": "REJECT", "comment": "registry down; parent asked to reapply"]))
                #expect(resolved.status == .ok)
                let again = try await client.execute(
                    uri: "/v1/reviews/\(reviewID)/resolve", method: .post, headers: Self.headers(world.operatorKey),
                    body: Self.json(["resolution": "REJECT", "comment": "twice"]))
                #expect(again.status == .conflict)
            }
        }
    }
}
