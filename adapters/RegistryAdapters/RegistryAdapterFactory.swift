import BusinessRegistryAdapter
import Crypto
import EducationAdapter
import Foundation
import GBDFLAdapter
import HealthAdapter
public import Logging
public import CoreMetrics
import RegistryTransport
import SMSAdapter
import SOAP
import SwiftASN1
import SyncChannelClient
import Verification
import X509

/// Builds every adapter from one `RegistryConfiguration`: one shared HTTP client, one transport per registry
/// (timeouts, retries, breaker, metrics), SyncChannel signing and the pinned trust set for answers.
///
/// ```swift
/// let registries = try RegistryAdapterFactory.make(RegistryConfiguration.load(from: url), logger: logger)
/// defer { Task { await registries.shutdown() } }
/// ```
public enum RegistryAdapterFactory {
    /// Builds the adapters.
    ///
    /// - Parameters:
    ///   - configuration: endpoints, credentials, trust, tuning.
    ///   - logger: handed to transports and adapters (they log masked identifiers only).
    ///   - metricsFactory: where registry metrics go; `nil` = the process-wide factory.
    /// - Throws: `RegistryConfigurationError` for a missing endpoint or unusable certificate/key.
    public static func make(
        _ configuration: RegistryConfiguration, logger: Logger, metricsFactory: (any MetricsFactory)? = nil
    ) throws(RegistryConfigurationError) -> RegistryAdapterSet {
        guard let sender = configuration.senders.first else { throw .missing("senders") }
        let trusted = try certificate(configuration.signingCertificate, field: "signingCertificate", in: configuration)
        let signer = try requestSigner(configuration)
        let verifier: WSSecurityVerifier
        do {
            verifier = try WSSecurityVerifier(configuration: .init(trustedCertificates: [trusted]))
        } catch {
            throw .invalid(field: "signingCertificate", reason: "cannot be used to verify signatures")
        }
        var endpoints: [String: RegistryEndpointConfiguration] = [:]
        for name in RegistryConfiguration.registryNames {
            guard let url = configuration.endpoints[name], !url.isEmpty else { throw .missing("endpoints.\(name)") }
            guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
                throw .invalid(field: "endpoints.\(name)", reason: "not an http(s) URL")
            }
            var endpoint = RegistryEndpointConfiguration(registry: name, baseURL: url.hasSuffix("/") ? String(url.dropLast()) : url)
            apply((configuration.transport ?? TransportSettings()).overridden(by: configuration.registries?[name]), to: &endpoint)
            endpoints[name] = endpoint
        }
        endpoints["health"]?.credentials = .oauth2ClientCredentials(
            OAuth2ClientCredentials(clientId: configuration.healthClient.clientId, clientSecret: configuration.healthClient.clientSecret))
        endpoints["sms"]?.credentials = .apiKey(header: "X-API-Key", value: configuration.smsAPIKey)

        let client = RegistryHTTPClient(
            configuration: .init(plainHTTPEngine: configuration.httpEngine ?? .pool, pipelineDepth: configuration.httpPipelineDepth ?? 1))
        func transport(_ name: String) -> RegistryTransport {
            RegistryTransport(configuration: endpoints[name]!, client: client, logger: logger, metricsFactory: metricsFactory)
        }
        let bus = SyncChannelClientConfiguration(
            sender: SyncChannelSender(senderId: sender.senderId, password: sender.password), signer: signer, verifier: verifier)
        func syncChannel(_ registry: RegistryName) -> SyncChannelClient {
            SyncChannelClient(registry: registry, transport: transport(registry.rawValue), configuration: bus, logger: logger)
        }
        let ids = configuration.serviceIds
        let gbdfl = GBDFLAdapter(
            client: syncChannel(.individuals),
            configuration: GBDFLConfiguration(personServiceId: ids.person, birthRecordsServiceId: ids.birthRecords))
        let education = EducationAdapter(
            client: syncChannel(.education), configuration: EducationConfiguration(studentServiceId: ids.student, educatorServiceId: ids.educator))
        let business = BusinessRegistryAdapter(
            client: syncChannel(.business),
            configuration: BusinessRegistryConfiguration(legalEntityServiceId: ids.legalEntity, entrepreneurServiceId: ids.entrepreneur))
        let health = HealthAdapter(transport: transport("health"), logger: logger)
        let sms = SMSAdapter(transport: transport("sms"), logger: logger)
        return RegistryAdapterSet(
            persons: gbdfl, birthRecords: gbdfl, education: education, business: business, health: health, sms: sms,
            close: { try? await client.shutdown() })
    }

    static func apply(_ settings: TransportSettings, to endpoint: inout RegistryEndpointConfiguration) {
        if let value = settings.connectTimeoutMilliseconds { endpoint.timeout.connect = .milliseconds(value) }
        if let value = settings.readTimeoutMilliseconds { endpoint.timeout.read = .milliseconds(value) }
        if let value = settings.totalTimeoutMilliseconds { endpoint.timeout.total = .milliseconds(value) }
        if let value = settings.maximumConcurrentRequests { endpoint.maximumConcurrentRequests = max(1, value) }
        if let value = settings.maximumAttempts { endpoint.retry.maximumAttempts = max(1, value) }
        if let value = settings.breakerFailureThreshold { endpoint.circuitBreaker.failureThreshold = max(1, value) }
        if let value = settings.breakerCoolDownMilliseconds { endpoint.circuitBreaker.coolDown = .milliseconds(value) }
    }

    private static func pem(_ path: String, field: String, in configuration: RegistryConfiguration) throws(RegistryConfigurationError) -> String {
        let url = configuration.resolve(path)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw .invalid(field: field, reason: "file \(url.path) cannot be read")
        }
        return text
    }

    private static func certificate(_ path: String, field: String, in configuration: RegistryConfiguration) throws(RegistryConfigurationError) -> Certificate {
        let text = try pem(path, field: field, in: configuration)
        do { return try Certificate(pemEncoded: text) } catch { throw .invalid(field: field, reason: "not a PEM certificate") }
    }

    private static func requestSigner(_ configuration: RegistryConfiguration) throws(RegistryConfigurationError) -> WSSecuritySigner? {
        switch (configuration.clientCertificate, configuration.clientPrivateKey) {
        case (nil, nil):
            return nil
        case (let certificatePath?, let keyPath?):
            let certificate = try certificate(certificatePath, field: "clientCertificate", in: configuration)
            let keyText = try pem(keyPath, field: "clientPrivateKey", in: configuration)
            let key: P256.Signing.PrivateKey
            do { key = try P256.Signing.PrivateKey(pemRepresentation: keyText) } catch {
                throw .invalid(field: "clientPrivateKey", reason: "not a PEM P-256 private key")
            }
            do {
                return try WSSecuritySigner(signer: ECDSAP256SHA256Signer(key: key), certificate: certificate)
            } catch {
                throw .invalid(field: "clientCertificate", reason: "does not match the private key")
            }
        case (nil, _?):
            throw .missing("clientCertificate")
        case (_?, nil):
            throw .missing("clientPrivateKey")
        }
    }
}
