import Foundation
import Glibc
import Hummingbird
import Identifiers
import Logging
import Population
import Prometheus
import RegistryAdapters
import RegistryMocks
import Service
import Storage

/// The gateway as `qorgan serve` wires it, for the browser: mock registries in-process, SQLite, the batch scheduler
/// running, the console with a registry health recorder fed by the transports, an operator key, and a seeded REVIEW.
struct BrowserWorld: Sendable {
    let baseURL: String
    let operatorKey: String
    let reviewID: String
    let store: SQLiteGatewayStore

    static func with(population: Population, directory: URL, _ body: @Sendable (BrowserWorld) async throws -> Void) async throws {
        let mocks = try await MockRegistries.start(population: population)
        try mocks.writeClientMaterial(to: directory)
        var configuration = try RegistryConfiguration.load(from: directory.appendingPathComponent("connection.json"), environment: [:])
        configuration.transport = TransportSettings(totalTimeoutMilliseconds: 3_000, maximumAttempts: 1, breakerFailureThreshold: 100)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let health = RegistryHealthRecorder()
        let adapters = try RegistryAdapterFactory.make(configuration, logger: logger, metricsFactory: health)
        let store = try SQLiteGatewayStore(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .generate())
        let issued = APIKeyIssuer().issue(name: "browser-operator", role: .operator)
        try await store.add(issued.record)
        var dependencies = GatewayDependencies(registries: adapters, store: store, protector: store.personalData)
        let batches = BatchJobScheduler(dependencies: dependencies, directory: directory.appendingPathComponent("batches"), logger: logger)
        dependencies.batches = batches
        let reviewID = try await seedReview(store: store)
        var service = GatewayServiceConfiguration.default
        service.host = "127.0.0.1"
        service.port = try freePort()
        service.accessLog = false
        let app = buildGatewayApplication(configuration: service, apiKeys: store, metrics: PrometheusCollectorRegistry(), logger: logger) { [dependencies] routes in
            GatewayAPI(dependencies: dependencies).register(on: routes)
            OperatorConsole(dependencies: dependencies, health: health, logger: logger).register(on: routes)
        }
        let world = BrowserWorld(baseURL: "http://127.0.0.1:\(service.port)", operatorKey: issued.key, reviewID: reviewID, store: store)
        let result: Result<Void, any Error>
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.runService() }
                group.addTask { await batches.run() }
                try await body(world)
                group.cancelAll()
            }
            result = .success(())
        } catch {
            result = .failure(error)
        }
        await adapters.shutdown()
        await mocks.shutdown()
        try? store.close()
        try result.get()
    }

    /// A free TCP port on 127.0.0.1 (bound to port 0, read back, released).
    static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) == 0 && getsockname(socketFD, $0, &length) == 0 }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Living parents without injected defects, as the registry knows them, in the Excel dialect (`;`, CRLF).
    static func parentsCSV(_ population: Population, rows: Int) -> String {
        let parents = population.people.lazy.filter { person in
            person.deathDate == nil && !person.iinDeviates && person.patronymic != nil && population.defects(for: person.iin).isEmpty
                && person.birthDate.year < 2000
        }
        var lines = ["ИИН;Фамилия;Имя;Отчество;Дата рождения"]
        for person in parents.prefix(rows) {
            let date = String(format: "%02d.%02d.%04d", person.birthDate.day, person.birthDate.month, person.birthDate.year)
            lines.append([person.iin.unmasked, person.surname, person.firstName, person.patronymic ?? "", date].joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A REVIEW registration decision with a match explanation (synthetic values, masked registry view).
    static func seedReview(store: SQLiteGatewayStore) async throws -> String {
        let decisionID = "dec_browser\(UInt32.random(in: 0...UInt32.max))"
        let reviewID = "rev_browser\(UInt32.random(in: 0...UInt32.max))"
        let json = """
            {"decisionId":"\(decisionID)","kind":"registration","decision":"REVIEW","decidedAt":"2026-09-21T10:00:00Z",
             "reasons":[{"code":"IDENTITY_UNCERTAIN","messageRu":"Личность не удалось подтвердить уверенно","messageKk":"Тұлғаны сенімді растау мүмкін болмады"}],
             "explanations":{"person":{"modelVersion":"browser-1","prior":-3.5,"total":1.25,"decision":"REVIEW","contributions":[
               {"field":"surname","level":"close","description":"Jaro–Winkler ≥ 0.92","weight":3.75,"m":0.2,"u":0.015},
               {"field":"firstName","level":"exact","description":"identical","weight":4.5,"m":0.9,"u":0.04},
               {"field":"birthDate","level":"different","description":"different dates","weight":-3.5,"m":0.05,"u":0.6},
               {"field":"patronymic","description":"missing on one side","weight":0}]}},
             "registry":{"person":{"iin":"8504******21","surname":"А***","firstName":"Б***","birthYear":1985,"gender":"M","lifeStatus":"alive","regionKATO":"750000000"}},
             "facts":{},"evidence":[{"registry":"individuals","messageId":"msg-browser-1","resultCode":"00000"}],"reviewId":"\(reviewID)"}
            """
        let document = try JSONDecoder().decode(DecisionDocument.self, from: Data(json.utf8))
        let now = Date()
        let decision = StoredDecision(
            id: decisionID, kind: .registration, outcome: "REVIEW", reasonCodes: ["IDENTITY_UNCERTAIN"], subjects: [], regionKATO: "750000000",
            registryMessageIDs: ["msg-browser-1"], createdAt: now, payload: document.encoded())
        let review = ReviewItem(
            id: reviewID, decisionID: decisionID, kind: .registration, reasonCodes: ["IDENTITY_UNCERTAIN"], regionKATO: "750000000", createdAt: now)
        _ = try await store.record(
            DecisionWrite(
                decision: decision, review: review,
                audit: AuditDraft(actor: "seed", action: "decision.recorded", subjectID: decisionID, registryMessageIDs: ["msg-browser-1"])))
        return reviewID
    }
}
