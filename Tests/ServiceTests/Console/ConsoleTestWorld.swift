import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Service
import Storage
import Synchronization

/// What the console tests share: the gateway with the operator console over a real SQLite store (registries unreachable, no batch scheduler), one
/// key per role, a settable clock, and a seeded REVIEW registration decision with a match explanation.
struct ConsoleTestWorld: Sendable {
    let store: SQLiteGatewayStore
    let keys: [APIKeyRecord.Role: String]
    let clock: TestClock
    let reviewID: String
    let decisionID: String
    let health: RegistryHealthRecorder

    /// A clock tests move forward.
    final class TestClock: Sendable {
        private let value = Mutex(Date(timeIntervalSince1970: 1_790_000_000))
        var now: Date { value.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    /// Runs `body` with the world and the gateway's router (API + console).
    static func with(_ body: (ConsoleTestWorld, Router<GatewayRequestContext>) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteGatewayStore(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .generate())
        var keys: [APIKeyRecord.Role: String] = [:]
        for role in APIKeyRecord.Role.allCases {
            let issued = APIKeyIssuer().issue(name: "console-\(role.rawValue)", role: role)
            try await store.add(issued.record)
            keys[role] = issued.key
        }
        let clock = TestClock()
        let dependencies = GatewayDependencies(
            registries: UnreachableRegistries.adapterSet, store: store, protector: store.personalData, now: { clock.now })
        let (decisionID, reviewID) = try await seedReview(store: store, at: clock.now)
        let health = RegistryHealthRecorder()
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let router = buildGatewayRouter(apiKeys: store, metrics: PrometheusCollectorRegistry()) { routes in
            GatewayAPI(dependencies: dependencies).register(on: routes)
            OperatorConsole(dependencies: dependencies, health: health, logger: logger).register(on: routes)
        }
        let world = ConsoleTestWorld(store: store, keys: keys, clock: clock, reviewID: reviewID, decisionID: decisionID, health: health)
        try await body(world, router)
        try store.close()
    }

    /// A REVIEW registration decision (IDENTITY_UNCERTAIN) with a match explanation and a registry message id.
    static func seedReview(store: SQLiteGatewayStore, at now: Date) async throws -> (decision: String, review: String) {
        let decisionID = "dec_console\(UInt32.random(in: 0...UInt32.max))"
        let reviewID = "rev_console\(UInt32.random(in: 0...UInt32.max))"
        let json = """
            {"decisionId":"\(decisionID)","kind":"registration","decision":"REVIEW","decidedAt":"2026-09-21T10:00:00Z",
             "reasons":[{"code":"IDENTITY_UNCERTAIN","messageRu":"Личность не удалось подтвердить уверенно","messageKk":"Тұлғаны сенімді растау мүмкін болмады"}],
             "explanations":{"person":{"modelVersion":"test-1","prior":-3.5,"total":1.25,"decision":"REVIEW","contributions":[
               {"field":"surname","level":"close","description":"Jaro–Winkler ≥ 0.92","weight":3.75,"m":0.2,"u":0.015},
               {"field":"firstName","level":"exact","description":"identical","weight":4.5,"m":0.9,"u":0.04},
               {"field":"birthDate","level":"different","description":"different dates","weight":-3.5,"m":0.05,"u":0.6},
               {"field":"patronymic","description":"missing on one side","weight":0}]}},
             "registry":{"person":{"iin":"8504******21","surname":"А***","firstName":"Б***","birthYear":1985,"gender":"M","lifeStatus":"alive","regionKATO":"750000000"}},
             "facts":{},"evidence":[{"registry":"individuals","messageId":"msg-console-1","resultCode":"00000"}],"reviewId":"\(reviewID)"}
            """
        let document = try JSONDecoder().decode(DecisionDocument.self, from: Data(json.utf8))
        let decision = StoredDecision(
            id: decisionID, kind: .registration, outcome: "REVIEW", reasonCodes: ["IDENTITY_UNCERTAIN"], subjects: [], regionKATO: "750000000",
            registryMessageIDs: ["msg-console-1"], createdAt: now, payload: document.encoded())
        let review = ReviewItem(
            id: reviewID, decisionID: decisionID, kind: .registration, reasonCodes: ["IDENTITY_UNCERTAIN"], regionKATO: "750000000", createdAt: now)
        _ = try await store.record(
            DecisionWrite(
                decision: decision, review: review,
                audit: AuditDraft(actor: "seed", action: "decision.recorded", subjectID: decisionID, registryMessageIDs: ["msg-console-1"])))
        return (decisionID, reviewID)
    }
}
