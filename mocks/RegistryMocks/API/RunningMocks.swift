public import Population
public import SOAP
import ServiceLifecycle
public import X509

/// The mock registries while they run: where each listens, the trust material and credentials a client needs, the
/// fault controls and the SMS outbox. Stop them with ``shutdown()``.
public struct RunningMocks: Sendable {
    /// One running mock.
    public struct Endpoint: Sendable, Hashable {
        /// Which mock.
        public let name: MockRegistryName
        /// Its loopback port.
        public let port: Int
        /// `http://127.0.0.1:<port>`: the SyncChannel endpoint of a SOAP mock (`/`, WSDL at `/?wsdl`), the API root of
        /// a REST mock; `/_control/faults` on every one.
        public let baseURL: String
    }

    /// Every mock, in ``MockRegistryName/allCases`` order.
    public let endpoints: [Endpoint]
    /// The population the mocks serve.
    public let population: Population
    /// The certificate that signs every SOAP response: the trust set a client verifies responses against.
    public let signingCertificate: Certificate
    /// The identity a client may sign requests with: generated at start when the configuration trusted no client
    /// certificate (then the SOAP mocks trust exactly this one), otherwise `nil`.
    public let clientIdentity: MockSigningIdentity?
    /// The SyncChannel senders the SOAP mocks accept.
    public let senders: [SyncChannelSender]
    /// `serviceId` of each operation.
    public let serviceIds: ServiceIdentifiers
    /// The health mock's OAuth2 client.
    public let healthClient: HealthClientCredentials
    /// The SMS mock's API key (`X-API-Key`).
    public let smsAPIKey: String

    let injectors: [MockRegistryName: FaultInjector]
    let outbox: SMSOutbox
    let group: ServiceGroup
    let task: Task<Void, any Error>

    /// The endpoint of `name`.
    public func endpoint(_ name: MockRegistryName) -> Endpoint {
        endpoints.first { $0.name == name }!
    }

    /// The base URL of `name` (see ``Endpoint/baseURL``).
    public func baseURL(_ name: MockRegistryName) -> String { endpoint(name).baseURL }

    /// The fault configuration in force for `name`.
    public func faults(for name: MockRegistryName) -> FaultConfiguration {
        injectors[name]?.configuration ?? .none
    }

    /// Replaces the fault configuration of `name` (and reseeds its generator); ``FaultConfiguration/none`` resets it.
    public func setFaults(_ configuration: FaultConfiguration, for name: MockRegistryName) {
        injectors[name]?.update(configuration)
    }

    /// Every SMS the SMS mock accepted, in order.
    public var sentMessages: [SMSMessage] { outbox.all }

    /// Stops every mock gracefully: stops accepting, lets requests in flight finish and closes idle connections; a
    /// request still running after `gracePeriod` (e.g. one held by the ``FaultMode/hang`` fault) is cancelled.
    /// Returns when the servers have exited.
    public func shutdown(gracePeriod: Duration = .seconds(2)) async {
        await group.triggerGracefulShutdown()
        let task = self.task
        let watchdog = Task {
            try await Task.sleep(for: gracePeriod)
            task.cancel()
        }
        _ = try? await task.value
        watchdog.cancel()
    }

    /// Waits until the mocks stop (after ``shutdown()`` from another task, or a server failure).
    ///
    /// - Throws: the error a server failed with.
    public func wait() async throws {
        try await task.value
    }
}
