public import Foundation
public import RegistryTransport

/// Where every registry is and how the gateway authenticates to it: the one configuration all adapters are built
/// from (`RegistryAdapterFactory`).
///
/// Its JSON form is the mocks' `connection.json` (`qorgan mocks serve --export DIR`) plus optional transport
/// tuning, so the gateway runs against in-process mocks, mocks in another process or real registries with the
/// same file. Relative certificate paths are resolved against the file's folder.
public struct RegistryConfiguration: Sendable, Codable {
    /// SyncChannel service ids of each SOAP operation.
    public struct ServiceIds: Sendable, Hashable, Codable {
        /// ГБД ФЛ person by IIN. Default `MOCK_GBDFL_PERSON`.
        public var person: String
        /// ГБД ФЛ birth records. Default `MOCK_GBDFL_BIRTH_RECORDS`.
        public var birthRecords: String
        /// НОБД pupil enrolment. Default `MOCK_NOBD_STUDENT`.
        public var student: String
        /// НОБД educator. Default `MOCK_NOBD_EDUCATOR`.
        public var educator: String
        /// ГБД ЮЛ legal entity by BIN. Default `MOCK_GBDUL_ENTITY`.
        public var legalEntity: String
        /// ГБД ЮЛ entrepreneur by IIN. Default `MOCK_GBDUL_ENTREPRENEUR`.
        public var entrepreneur: String

        /// Creates service ids (defaults as documented).
        public init(
            person: String = "MOCK_GBDFL_PERSON", birthRecords: String = "MOCK_GBDFL_BIRTH_RECORDS", student: String = "MOCK_NOBD_STUDENT",
            educator: String = "MOCK_NOBD_EDUCATOR", legalEntity: String = "MOCK_GBDUL_ENTITY", entrepreneur: String = "MOCK_GBDUL_ENTREPRENEUR"
        ) {
            self.person = person
            self.birthRecords = birthRecords
            self.student = student
            self.educator = educator
            self.legalEntity = legalEntity
            self.entrepreneur = entrepreneur
        }
    }

    /// Our login on the e-government bus.
    public struct Sender: Sendable, Hashable, Codable {
        /// Sender id.
        public var senderId: String
        /// Password (never logged).
        public var password: String

        /// Creates a sender.
        public init(senderId: String, password: String) {
            self.senderId = senderId
            self.password = password
        }
    }

    /// The health registry's OAuth2 client.
    public struct HealthClient: Sendable, Hashable, Codable {
        /// Client id.
        public var clientId: String
        /// Client secret (never logged).
        public var clientSecret: String

        /// Creates a client.
        public init(clientId: String, clientSecret: String) {
            self.clientId = clientId
            self.clientSecret = clientSecret
        }
    }

    /// Base URL of each registry by name (`individuals`, `education`, `business`, `health`, `sms`). No default.
    public var endpoints: [String: String]
    /// Bus senders; the first is used. No default.
    public var senders: [Sender]
    /// SOAP service ids. Default: the mocks' ids.
    public var serviceIds: ServiceIds
    /// Health OAuth2 client. No default.
    public var healthClient: HealthClient
    /// SMS gateway API key (sent as `X-API-Key`). No default.
    public var smsAPIKey: String
    /// PEM file of the certificate that signs registry answers (the pinned trust set). No default.
    public var signingCertificate: String
    /// PEM file of our request-signing certificate; `nil` sends unsigned requests. Default `nil`.
    public var clientCertificate: String?
    /// PEM file (PKCS#8) of our request-signing P-256 key. Default `nil`.
    public var clientPrivateKey: String?
    /// Transport tuning for every registry. Default: `TransportSettings()` (the transport's own defaults).
    public var transport: TransportSettings?
    /// Per-registry overrides of `transport`, by registry name. Default: none.
    public var registries: [String: TransportSettings]?
    /// What serves `http://` registries: `pool` or `asyncHTTPClient`. Default (`nil`): `pool`.
    public var httpEngine: RegistryHTTPClient.PlainHTTPEngine?
    /// Requests in flight at once on one kept-alive `http://` connection of the `pool` engine (HTTP/1.1 pipelining).
    /// Default (`nil`): 1, no pipelining. Only for registries known to answer pipelined requests in order.
    public var httpPipelineDepth: Int?

    /// The folder relative paths are resolved against (not encoded). Default: the current directory.
    public var baseDirectory: URL?

    private enum CodingKeys: String, CodingKey {
        case endpoints, senders, serviceIds, healthClient, smsAPIKey, signingCertificate, clientCertificate, clientPrivateKey, transport, registries, httpEngine,
            httpPipelineDepth
    }

    /// Creates a configuration.
    public init(
        endpoints: [String: String], senders: [Sender], serviceIds: ServiceIds = .init(), healthClient: HealthClient, smsAPIKey: String,
        signingCertificate: String, clientCertificate: String? = nil, clientPrivateKey: String? = nil, transport: TransportSettings? = nil,
        registries: [String: TransportSettings]? = nil, httpEngine: RegistryHTTPClient.PlainHTTPEngine? = nil, baseDirectory: URL? = nil
    ) {
        self.endpoints = endpoints
        self.senders = senders
        self.serviceIds = serviceIds
        self.healthClient = healthClient
        self.smsAPIKey = smsAPIKey
        self.signingCertificate = signingCertificate
        self.clientCertificate = clientCertificate
        self.clientPrivateKey = clientPrivateKey
        self.transport = transport
        self.registries = registries
        self.httpEngine = httpEngine
        self.baseDirectory = baseDirectory
    }

    /// The registries the gateway needs, in a fixed order.
    public static let registryNames = ["individuals", "education", "business", "health", "sms"]
}
