import Foundation
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import Population
import Prometheus
import RegistryAdapters
import RegistryMocks
import Service
import Storage
import Testing

/// The console's lookup against the in-process mock registries: no consent → refused; the consent code goes out by
/// SMS, a wrong code is refused, the right one confirms; then the registration check answers MATCH with its
/// explanation, masked, and audited with the operator's key name. Nothing logged along the way (console, request,
/// registry transports — captured raw, before any masking) carries the IIN or the surname.
@Suite(.serialized) struct ConsoleLookupEndToEndTests {
    @Test("lookup: consent by SMS code from the console, then the registration check with its explanation")
    func lookupWithConsent() async throws {
        let declaration = GatewayEndToEndTests.honestDeclaration
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-console-lookup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mocks = try await MockRegistries.start(population: GatewayEndToEndTests.population)
        try mocks.writeClientMaterial(to: directory)
        var configuration = try RegistryConfiguration.load(from: directory.appendingPathComponent("connection.json"), environment: [:])
        configuration.transport = TransportSettings(totalTimeoutMilliseconds: 1_500, maximumAttempts: 1, breakerFailureThreshold: 100)
        let captured = InMemoryLogHandler()
        var logger = Logger(label: "test", factory: { _ in captured })
        logger.logLevel = .trace
        let adapters = try RegistryAdapterFactory.make(configuration, logger: logger)
        let store = try SQLiteGatewayStore(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .generate())
        let issued = APIKeyIssuer().issue(name: "console-operator", role: .operator)
        try await store.add(issued.record)
        let dependencies = GatewayDependencies(registries: adapters, store: store, protector: store.personalData)
        let router = buildGatewayRouter(apiKeys: store, metrics: PrometheusCollectorRegistry()) { routes in
            GatewayAPI(dependencies: dependencies).register(on: routes)
            OperatorConsole(dependencies: dependencies, logger: logger).register(on: routes)
        }
        do {
            try await Application(router: router, logger: logger).test(.router) { client in
                var session = ConsoleClientSession()
                _ = try await session.login(client, key: issued.key)
                let token = try #require(ConsoleClientSession.csrf(in: String(buffer: try await session.get(client, "/console/lookup").body)))
                let person = [
                    "csrf": token, "iin": declaration.parentIIN, "surname": declaration.parentSurname, "firstName": declaration.parentFirstName,
                    "patronymic": declaration.parentPatronymic,
                ]
                let refused = try await session.post(client, "/console/lookup", form: person)
                #expect(refused.status == .forbidden)
                #expect(String(buffer: refused.body).contains("Нет подтверждённого согласия"))

                let badPhone = try await session.post(client, "/console/consents", form: ["csrf": token, "iin": declaration.parentIIN, "phone": "12"])
                #expect(badPhone.status == .unprocessableContent)
                #expect(String(buffer: badPhone.body).contains("Нужен мобильный номер"))
                let requested = try await session.post(
                    client, "/console/consents", form: ["csrf": token, "iin": declaration.parentIIN, "phone": "+77011234567"])
                #expect(requested.status == .ok)
                let page = String(buffer: requested.body)
                let consentID = try #require(page.firstMatch(of: #/action="/console/consents/([A-Za-z0-9_]+)/confirm"/#).map { String($0.output.1) })
                let text = try #require(mocks.sentMessages.last?.text)
                let code = String(try #require(text.firstMatch(of: /\d{6}/)).output)
                let confirm = "/console/consents/\(consentID)/confirm"
                let wrong = try await session.post(client, confirm, form: ["csrf": token, "code": code == "000000" ? "111111" : "000000"])
                #expect(wrong.status == .unprocessableContent)
                #expect(String(buffer: wrong.body).contains("Код не совпадает"))
                let confirmed = try await session.post(client, confirm, form: ["csrf": token, "code": code, "iin": declaration.parentIIN])
                #expect(confirmed.status == .ok)
                #expect(String(buffer: confirmed.body).contains("Согласие подтверждено"))

                let verified = try await session.post(client, "/console/lookup", form: person)
                #expect(verified.status == .ok)
                let html = String(buffer: verified.body)
                #expect(html.contains("id=\"lookup-outcome\">MATCH<"))
                #expect(html.contains("waterfall-total"))
                let surname = declaration.parentSurname.replacingOccurrences(of: "'", with: "&#39;")
                #expect(html.contains("<td class=\"declared\">\(surname)</td>"), "declared beside the registry's value")
                let digits = declaration.parentIIN.filter(\.isNumber)
                #expect(html.contains(String(digits.prefix(4)) + "******" + String(digits.suffix(2))))
                // The typed IIN is echoed in the form fields only; the result shows it masked.
                let result = try #require(html.range(of: "id=\"lookup-result\"")).lowerBound
                #expect(!html[result...].contains(digits))
            }
            let decisions = try await store.entries(AuditQuery(limit: 500)).filter { $0.draft.action == "decision.recorded" }
            #expect(decisions.count == 1)
            #expect(decisions.first?.draft.actor == "console-operator")
            let consents = try await store.entries(AuditQuery(limit: 500)).filter { $0.draft.action.hasPrefix("consent.") }
            #expect(Set(consents.map(\.draft.action)) == ["consent.requested", "consent.confirmed"])
            let logged = captured.entries.map { "\($0.message) \($0.metadata)" }
            #expect(logged.contains { $0.contains("console.login") })
            let digits = declaration.parentIIN.filter(\.isNumber)
            #expect(!logged.contains { $0.contains(digits) || $0.contains(declaration.parentSurname) }, "\(logged)")
        } catch {
            await adapters.shutdown()
            await mocks.shutdown()
            throw error
        }
        await adapters.shutdown()
        await mocks.shutdown()
        try store.close()
    }
}
