/// Fault injection for one mock: added latency, and a fault mode applied to a share of requests.
///
/// Random choices (latency draws, which requests fail) come from a generator seeded with ``seed``, so a
/// sequence of requests replays the same faults. Set it from ``MockRegistriesConfiguration/faults``, from
/// `qorgan mocks serve --faults`, or at run time with `POST /_control/faults` (this struct as JSON; absent keys
/// take the defaults) on the mock's own port; `DELETE /_control/faults` restores ``none``.
///
/// ```json
/// {"mode": "tooManyRequests", "rate": 0.5, "retryAfterSeconds": 2, "latency": {"kind": "fixed", "milliseconds": 20}, "seed": 7}
/// ```
public struct FaultConfiguration: Sendable, Hashable, Codable {
    /// Delay added before every answer (faulty or not). Default: ``LatencyDistribution/none``.
    public var latency: LatencyDistribution
    /// What goes wrong; `nil` = nothing (only latency). Default: `nil`.
    public var mode: FaultMode?
    /// Share of requests, 0…1, that ``mode`` applies to (the "error rate"). Default: 1.
    public var rate: Double
    /// `Retry-After` seconds sent with ``FaultMode/tooManyRequests``. Default: 1.
    public var retryAfterSeconds: Int
    /// How long ``FaultMode/hang`` holds a request before closing the connection, in seconds. Default: 30.
    public var hangSeconds: Double
    /// `errorCode` of the SyncChannel fault for ``FaultMode/soapFault``. Default: `MOCK-TIMEOUT`.
    public var faultCode: String
    /// `errorMessage`/`faultstring` for ``FaultMode/soapFault``. Default: `Provider timeout`.
    public var faultMessage: String
    /// Seed of the fault generator. Default: 1.
    public var seed: UInt64

    /// Creates a configuration; every parameter has the documented default.
    public init(
        latency: LatencyDistribution = .none, mode: FaultMode? = nil, rate: Double = 1, retryAfterSeconds: Int = 1,
        hangSeconds: Double = 30, faultCode: String = "MOCK-TIMEOUT", faultMessage: String = "Provider timeout", seed: UInt64 = 1
    ) {
        self.latency = latency
        self.mode = mode
        self.rate = rate
        self.retryAfterSeconds = retryAfterSeconds
        self.hangSeconds = hangSeconds
        self.faultCode = faultCode
        self.faultMessage = faultMessage
        self.seed = seed
    }

    /// No faults, no latency.
    public static let none = FaultConfiguration()

    private enum CodingKeys: String, CodingKey {
        case latency, mode, rate, retryAfterSeconds, hangSeconds, faultCode, faultMessage, seed
    }

    /// Reads the JSON form; absent keys take the defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = FaultConfiguration()
        latency = try container.decodeIfPresent(LatencyDistribution.self, forKey: .latency) ?? defaults.latency
        mode = try container.decodeIfPresent(FaultMode.self, forKey: .mode)
        rate = try container.decodeIfPresent(Double.self, forKey: .rate) ?? defaults.rate
        retryAfterSeconds = try container.decodeIfPresent(Int.self, forKey: .retryAfterSeconds) ?? defaults.retryAfterSeconds
        hangSeconds = try container.decodeIfPresent(Double.self, forKey: .hangSeconds) ?? defaults.hangSeconds
        faultCode = try container.decodeIfPresent(String.self, forKey: .faultCode) ?? defaults.faultCode
        faultMessage = try container.decodeIfPresent(String.self, forKey: .faultMessage) ?? defaults.faultMessage
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
    }
}
