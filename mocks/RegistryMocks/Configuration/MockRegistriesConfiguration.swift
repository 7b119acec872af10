public import Logging
public import Population
public import SOAP
public import X509

/// How the mock registries run: where they listen, whom they trust, which credentials they accept, what goes wrong.
public struct MockRegistriesConfiguration: Sendable {
    /// Loopback address every mock binds. Default: `127.0.0.1` (mocks never listen beyond loopback).
    public var host: String
    /// First port: the mocks bind consecutive ports from it in ``MockRegistryName/allCases`` order; `nil` = ephemeral
    /// ports chosen by the system. Default: `nil`.
    public var firstPort: Int?
    /// SyncChannel `sender` credentials the SOAP mocks accept. Default: one sender, `qorgan-gateway` / `qorgan-mock-password`.
    public var senders: [SyncChannelSender]
    /// Sender ids whose requests may come unsigned (a signature, when present, is still verified). Default: none —
    /// every request must be signed. Tests enable it for one sender to let a client without WS-Security (zeep) in.
    public var unsignedSenderIds: Set<String>
    /// Client certificates whose WS-Security signatures the SOAP mocks accept. Default: empty, meaning a client
    /// identity is generated at start and published as ``RunningMocks/clientIdentity``.
    public var trustedClientCertificates: [Certificate]
    /// The identity that signs SOAP responses. Default: `nil`, meaning one is generated at start (ECDSA P-256) and its
    /// certificate published as ``RunningMocks/signingCertificate``.
    public var signingIdentity: MockSigningIdentity?
    /// Whether the verifier checks the client certificate's validity period. Default: `true`.
    public var checksCertificateValidity: Bool
    /// SyncChannel `serviceId` per operation. Default: ``ServiceIdentifiers/default``.
    public var serviceIds: ServiceIdentifiers
    /// The health mock's OAuth2 client. Default: ``HealthClientCredentials/default``.
    public var healthClient: HealthClientCredentials
    /// Lifetime of a health access token. Default: 300 seconds.
    public var tokenLifetime: Duration
    /// API key the SMS gateway expects in `X-API-Key`. Default: `qorgan-sms-key`.
    public var smsAPIKey: String
    /// How long after submission an SMS counts as delivered. Default: zero (delivered at once).
    public var smsDeliveryDelay: Duration
    /// Fault injection per mock at start (changeable at run time). Default: none for every mock.
    public var faults: [MockRegistryName: FaultConfiguration]
    /// Largest request body a mock reads, in bytes. Default: 1 MiB.
    public var maximumRequestBytes: Int
    /// Logger for the mocks' own events (never payloads, IINs masked). Default: a logger that discards everything.
    public var logger: Logger
    /// Later events to serve the population with (`Population.applying(_:)`): deaths, moves, expulsions,
    /// liquidations … Default `nil`: the population as generated.
    public var events: PopulationEvents? = nil

    /// Creates a configuration; every parameter has the documented default.
    public init(
        host: String = "127.0.0.1",
        firstPort: Int? = nil,
        senders: [SyncChannelSender] = [SyncChannelSender(senderId: "qorgan-gateway", password: "qorgan-mock-password")],
        unsignedSenderIds: Set<String> = [],
        trustedClientCertificates: [Certificate] = [],
        signingIdentity: MockSigningIdentity? = nil,
        checksCertificateValidity: Bool = true,
        serviceIds: ServiceIdentifiers = .default,
        healthClient: HealthClientCredentials = .default,
        tokenLifetime: Duration = .seconds(300),
        smsAPIKey: String = "qorgan-sms-key",
        smsDeliveryDelay: Duration = .zero,
        faults: [MockRegistryName: FaultConfiguration] = [:],
        maximumRequestBytes: Int = 1 << 20,
        logger: Logger = Logger(label: "qorgan.mocks", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.host = host
        self.firstPort = firstPort
        self.senders = senders
        self.unsignedSenderIds = unsignedSenderIds
        self.trustedClientCertificates = trustedClientCertificates
        self.signingIdentity = signingIdentity
        self.checksCertificateValidity = checksCertificateValidity
        self.serviceIds = serviceIds
        self.healthClient = healthClient
        self.tokenLifetime = tokenLifetime
        self.smsAPIKey = smsAPIKey
        self.smsDeliveryDelay = smsDeliveryDelay
        self.faults = faults
        self.maximumRequestBytes = maximumRequestBytes
        self.logger = logger
    }

    /// The defaults.
    public static var `default`: MockRegistriesConfiguration { MockRegistriesConfiguration() }
}

/// SyncChannel `serviceId` of each SOAP operation the mocks serve.
public struct ServiceIdentifiers: Sendable, Hashable, Codable {
    /// ГБД ФЛ person by IIN. Default: `MOCK_GBDFL_PERSON`.
    public var person: String
    /// ЗАГС birth records (parent–child links) by IIN. Default: `MOCK_GBDFL_BIRTH_RECORDS`.
    public var birthRecords: String
    /// НОБД pupil enrolment by IIN. Default: `MOCK_NOBD_STUDENT`.
    public var student: String
    /// НОБД educator (diplomas, category) by IIN. Default: `MOCK_NOBD_EDUCATOR`.
    public var educator: String
    /// ГБД ЮЛ legal entity by BIN. Default: `MOCK_GBDUL_ENTITY`.
    public var legalEntity: String
    /// Individual entrepreneur by IIN. Default: `MOCK_GBDUL_ENTREPRENEUR`.
    public var entrepreneur: String

    /// Creates the identifiers; every parameter has the documented default.
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

    /// The defaults.
    public static let `default` = ServiceIdentifiers()
}

/// The OAuth2 client (client-credentials grant) the health mock accepts.
public struct HealthClientCredentials: Sendable, Hashable, Codable {
    /// `client_id`. Default: `qorgan-gateway`.
    public var clientId: String
    /// `client_secret`. Default: `qorgan-health-secret`.
    public var clientSecret: String

    /// Creates credentials; both parameters have the documented defaults.
    public init(clientId: String = "qorgan-gateway", clientSecret: String = "qorgan-health-secret") {
        self.clientId = clientId
        self.clientSecret = clientSecret
    }

    /// The defaults.
    public static let `default` = HealthClientCredentials()
}
