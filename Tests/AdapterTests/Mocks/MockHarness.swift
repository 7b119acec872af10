import BusinessRegistryAdapter
import EducationAdapter
import Foundation
import GBDFLAdapter
import HealthAdapter
import Identifiers
import Logging
import Population
import RegistryMocks
import RegistryTransport
import SMSAdapter
import SOAP
import SyncChannelClient
import Verification

/// Runs the in-process mocks on ephemeral loopback ports and wires the adapters to them.
struct MockHarness {
    /// A small deterministic population, generated once.
    static let population: Population = try! PopulationGenerator(configuration: PopulationConfiguration(seed: 4_242, people: 600)).generate()

    let mocks: RunningMocks
    let client: RegistryHTTPClient
    /// The logger handed to transports and adapters (default: discards).
    var logger: Logger = MockHarness.logger

    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Starts the mocks and a shared client, runs `body`, stops both.
    static func run(_ body: (MockHarness) async throws -> Void) async throws {
        let mocks = try await MockRegistries.start(population: population)
        let client = RegistryHTTPClient()
        do {
            try await body(MockHarness(mocks: mocks, client: client))
        } catch {
            try? await client.shutdown()
            await mocks.shutdown()
            throw error
        }
        try? await client.shutdown()
        await mocks.shutdown()
    }

    /// A fast-failing configuration for `name`: short timeouts, given retry and breaker settings.
    func endpoint(
        _ name: MockRegistryName, total: Duration = .seconds(3), retry: RetryPolicy = .never,
        breaker: CircuitBreaker.Configuration = .default
    ) -> RegistryEndpointConfiguration {
        var configuration = RegistryEndpointConfiguration(registry: name.rawValue, baseURL: mocks.baseURL(name))
        configuration.timeout = .init(connect: .milliseconds(500), read: total, total: total)
        configuration.retry = retry
        configuration.circuitBreaker = breaker
        return configuration
    }

    func syncChannel(_ registry: RegistryName, _ configuration: RegistryEndpointConfiguration, trusted: Bool = true) throws -> SyncChannelClient {
        let transport = RegistryTransport(configuration: configuration, client: client, logger: logger)
        let bus = SyncChannelClientConfiguration(
            sender: mocks.senders[0], signer: try mocks.clientIdentity?.wsSecuritySigner(),
            verifier: try WSSecurityVerifier(configuration: .init(trustedCertificates: trusted ? [mocks.signingCertificate] : [])))
        return SyncChannelClient(registry: registry, transport: transport, configuration: bus, logger: logger)
    }

    func gbdfl(_ configuration: RegistryEndpointConfiguration? = nil) throws -> GBDFLAdapter {
        GBDFLAdapter(
            client: try syncChannel(.individuals, configuration ?? endpoint(.individuals)),
            configuration: GBDFLConfiguration(personServiceId: mocks.serviceIds.person, birthRecordsServiceId: mocks.serviceIds.birthRecords))
    }

    func education() throws -> EducationAdapter {
        EducationAdapter(
            client: try syncChannel(.education, endpoint(.education)),
            configuration: EducationConfiguration(studentServiceId: mocks.serviceIds.student, educatorServiceId: mocks.serviceIds.educator))
    }

    func business() throws -> BusinessRegistryAdapter {
        BusinessRegistryAdapter(
            client: try syncChannel(.business, endpoint(.business)),
            configuration: BusinessRegistryConfiguration(
                legalEntityServiceId: mocks.serviceIds.legalEntity, entrepreneurServiceId: mocks.serviceIds.entrepreneur))
    }

    func health(_ configuration: RegistryEndpointConfiguration? = nil) -> HealthAdapter {
        var configuration = configuration ?? endpoint(.health)
        configuration.credentials = .oauth2ClientCredentials(
            OAuth2ClientCredentials(clientId: mocks.healthClient.clientId, clientSecret: mocks.healthClient.clientSecret))
        return HealthAdapter(transport: RegistryTransport(configuration: configuration, client: client, logger: logger), logger: logger)
    }

    func sms() -> SMSAdapter {
        var configuration = endpoint(.sms)
        configuration.credentials = .apiKey(header: "X-API-Key", value: mocks.smsAPIKey)
        return SMSAdapter(transport: RegistryTransport(configuration: configuration, client: client, logger: logger), logger: logger)
    }

    /// A living person ГБД ФЛ knows.
    static var knownIIN: IIN {
        population.individuals.persons.first { $0.deathDate == nil }!.person.iin
    }

    /// A valid IIN nobody in the population has.
    static var unknownIIN: IIN {
        var counter = 0
        while true {
            counter += 1
            let text = String(format: "900101%05d", counter)
            if let check = IIN.checkDigit(forPrefix: Array(text.utf8).map { $0 - 48 }), let iin = try? IIN(text + String(check)),
                population.individuals.person(iin) == nil
            {
                return iin
            }
        }
    }
}
