import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
public import Population
import SOAP
import X509

/// Starts the mock registries — individuals, education, business (SOAP, each a SwiftNIO server), health, SMS (REST,
/// each a Hummingbird server) — each on its own loopback port, all served from one population in memory.
///
/// ```swift
/// let population = try PopulationGenerator(configuration: .init(seed: 7, people: 2_000)).generate()
/// try await MockRegistries.withRunning(population: population) { mocks in
///     let url = mocks.baseURL(.individuals)     // POST signed SendMessage here; GET ?wsdl
///     …
/// }
/// ```
public enum MockRegistries {
    /// Starts every mock and returns once all of them listen, serving `population` with `configuration.events` applied.
    ///
    /// - Throws: ``RegistryMocksError/bindFailed`` when a port cannot be bound, ``RegistryMocksError/identityFailed``
    ///   when keys cannot be made.
    public static func start(
        population original: Population, configuration: MockRegistriesConfiguration = .default
    ) async throws -> RunningMocks {
        let population = configuration.events.map { original.applying($0) } ?? original
        let logger = configuration.logger
        let signing = try configuration.signingIdentity ?? MockSigningIdentity.generate(commonName: "Qorgan mock registries")
        let rogue = try MockSigningIdentity.generate(commonName: "Qorgan mock registries (untrusted)")
        var clientIdentity: MockSigningIdentity?
        var trusted = configuration.trustedClientCertificates
        if trusted.isEmpty {
            let identity = try MockSigningIdentity.generate(commonName: "Qorgan mock client")
            clientIdentity = identity
            trusted = [identity.certificate]
        }
        let security = try SyncChannelSecurity(
            senders: configuration.senders, unsignedSenderIds: configuration.unsignedSenderIds, trusted: trusted,
            checksValidity: configuration.checksCertificateValidity)
        let signer = try signing.wsSecuritySigner()
        let rogueSigner = try rogue.wsSecuritySigner()

        var injectors: [MockRegistryName: FaultInjector] = [:]
        for name in MockRegistryName.allCases { injectors[name] = FaultInjector(configuration.faults[name] ?? .none) }
        let outbox = SMSOutbox()

        let (ports, portsContinuation) = AsyncStream<(MockRegistryName, Int)>.makeStream()
        // The SOAP mocks answer on their own event loops: their signing and verifying then never hold up the loops a
        // gateway in the same process (the embedded default, the tests) does its I/O on.
        let soapLoops = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        var services: [any Service] = []
        for (index, name) in MockRegistryName.allCases.enumerated() {
            let port = configuration.firstPort.map { $0 + index } ?? 0
            let injector = injectors[name]!
            var mockLogger = logger
            mockLogger[metadataKey: "qorgan.registry"] = "\(name)"
            func soap(_ operations: [String: SyncChannelService.Operation]) -> any Service {
                SOAPMockServer(
                    service: SyncChannelService(
                        name: name, operations: operations, security: security, signer: signer, rogueSigner: rogueSigner, injector: injector,
                        maximumRequestBytes: configuration.maximumRequestBytes, logger: mockLogger),
                    host: configuration.host, port: port, group: soapLoops, onRunning: { portsContinuation.yield((name, $0)) },
                    logger: mockLogger)
            }
            func rest(_ register: (Router<MockRequestContext>) -> Void) -> any Service {
                let router = Router(context: MockRequestContext.self)
                register(router)
                return Application(
                    router: router,
                    configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: port), serverName: nil),
                    onServerRunning: { channel in portsContinuation.yield((name, channel.localAddress?.port ?? port)) },
                    logger: logger
                )
            }
            switch name {
            case .individuals:
                services.append(soap(IndividualsOperations.operations(population: population, serviceIds: configuration.serviceIds)))
            case .education:
                services.append(soap(EducationOperations.operations(population: population, serviceIds: configuration.serviceIds)))
            case .business:
                services.append(soap(BusinessOperations.operations(population: population, serviceIds: configuration.serviceIds)))
            case .health:
                services.append(rest { router in
                    HealthService(
                        population: population, client: configuration.healthClient, tokenLifetime: configuration.tokenLifetime, tokens: TokenStore(),
                        injector: injector, logger: mockLogger
                    ).register(on: router)
                })
            case .sms:
                services.append(rest { router in
                    SMSService(
                        apiKey: configuration.smsAPIKey, deliveryDelay: configuration.smsDeliveryDelay, outbox: outbox, injector: injector,
                        logger: mockLogger
                    ).register(on: router)
                })
            }
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                gracefulShutdownSignals: [], cancellationSignals: [], logger: logger))
        let task = Task {
            defer { portsContinuation.finish() }
            do {
                try await group.run()
            } catch {
                try? await soapLoops.shutdownGracefully()
                throw error
            }
            try? await soapLoops.shutdownGracefully()
        }

        var bound: [MockRegistryName: Int] = [:]
        for await (name, port) in ports {
            bound[name] = port
            if bound.count == MockRegistryName.allCases.count { break }
        }
        guard bound.count == MockRegistryName.allCases.count else {
            await group.triggerGracefulShutdown()
            task.cancel()
            do {
                try await task.value
            } catch {
                throw RegistryMocksError.bindFailed(String(describing: type(of: error)))
            }
            throw RegistryMocksError.notRunning
        }
        let endpoints = MockRegistryName.allCases.map { name in
            RunningMocks.Endpoint(name: name, port: bound[name]!, baseURL: "http://\(configuration.host):\(bound[name]!)")
        }
        logger.info("qorgan.mocks.started", metadata: ["qorgan.mocks.count": "\(endpoints.count)"])
        return RunningMocks(
            endpoints: endpoints, population: population, signingCertificate: signing.certificate, clientIdentity: clientIdentity,
            senders: configuration.senders, serviceIds: configuration.serviceIds, healthClient: configuration.healthClient,
            smsAPIKey: configuration.smsAPIKey, injectors: injectors, outbox: outbox, group: group, task: task)
    }

    /// Runs `body` with the mocks started, and stops them when it returns or throws (structured lifetime).
    ///
    /// - Throws: what ``start(population:configuration:)`` or `body` throws.
    public static func withRunning<Result: Sendable>(
        population: Population, configuration: MockRegistriesConfiguration = .default,
        _ body: (RunningMocks) async throws -> Result
    ) async throws -> Result {
        let mocks = try await start(population: population, configuration: configuration)
        do {
            let result = try await body(mocks)
            await mocks.shutdown()
            return result
        } catch {
            await mocks.shutdown()
            throw error
        }
    }
}
