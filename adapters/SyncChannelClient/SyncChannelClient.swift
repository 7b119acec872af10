public import Foundation
import Identifiers
public import Logging
public import RegistryTransport
import SOAP
public import Verification
public import XMLSupport

/// Sends one SyncChannel `SendMessage` to a registry and classifies the answer, for the SOAP adapters.
///
/// In order: transport failure → `.unavailable`; a SOAP/SyncChannel fault (any HTTP status) → `.unavailable(.fault)`;
/// another non-200 status → `.unavailable(.httpStatus)`; an unparseable envelope → `.invalidResponse(.malformed)`;
/// a missing, untrusted or wrong signature → `.invalidResponse`; an answer to another request (correlation id) →
/// `.invalidResponse(.mismatchedRecord)`; then the business code: `00003` → `.notFound`, `00000` → `.found(data)`,
/// anything else → `.unavailable(.other)`. Only a verified answer can say "not found".
public struct SyncChannelClient: Sendable {
    /// Which registry (for evidence).
    public let registry: RegistryName
    /// The transport to the registry.
    public let transport: RegistryTransport
    /// Bus identity, signing and trust.
    public let configuration: SyncChannelClientConfiguration
    private let logger: Logger

    /// Creates a client.
    public init(registry: RegistryName, transport: RegistryTransport, configuration: SyncChannelClientConfiguration, logger: Logger) {
        self.registry = registry
        self.transport = transport
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "qorgan.registry"] = "\(registry)"
        self.logger = logger
    }

    /// Sends `payload` to `serviceId` and returns the verified `data` element, or why there is none.
    ///
    /// - Parameters:
    ///   - serviceId: the bus service code.
    ///   - payload: the request's `data` content.
    ///   - operation: a fixed label for metrics and logs (`person`, `birth_records`, …).
    ///   - deadline: when to give up.
    public func call(serviceId: String, payload: XMLFragment, operation: String, within deadline: Deadline) async -> RegistryResult<SyncChannelAnswer> {
        let messageId = RandomUUID.lowercased()
        let request = SendMessageRequest(
            info: .init(messageId: messageId, serviceId: serviceId, messageDate: SyncChannelTimestamp.dateTime(), sender: configuration.sender),
            payload: .element(payload, xsiType: nil))
        let body: [UInt8]
        do {
            body = try configuration.signer.map { try $0.signedEnvelope(request) } ?? request.envelope()
        } catch {
            logger.info("qorgan.registry.request.unsignable", metadata: ["qorgan.operation": "\(operation)"])
            return .unavailable(.other("request_signing"))
        }
        let response: RegistryResponse
        do {
            response = try await transport.execute(
                RegistryRequest(
                    method: .post, path: configuration.path,
                    headers: [(name: "Content-Type", value: "text/xml; charset=utf-8"), (name: "SOAPAction", value: "\"\"")], body: body,
                    isIdempotent: true, operation: operation),
                deadline: deadline.instant)
        } catch {
            return .unavailable(UnavailabilityReason(error))
        }
        return Self.classify(
            response: response, expectedCorrelationId: messageId, registry: registry, configuration: configuration, logger: logger,
            operation: operation)
    }

    /// Classifies a received answer (pure apart from logging; used by ``call(serviceId:payload:operation:within:)`` and
    /// fixture tests).
    public static func classify(
        response: RegistryResponse, expectedCorrelationId: String?, registry: RegistryName, configuration: SyncChannelClientConfiguration,
        logger: Logger, operation: String, now: Date = Date()
    ) -> RegistryResult<SyncChannelAnswer> {
        let envelope: SOAPEnvelope
        do {
            envelope = try SOAPEnvelope(parsing: response.body, configuration: configuration.parser)
        } catch {
            return response.status == 200 ? .invalidResponse(.malformed("envelope")) : .unavailable(.httpStatus(response.status))
        }
        if let fault = try? SyncChannelFault(envelope: envelope) {
            let code = fault.errorInfo?.errorCode ?? "\(fault.fault.code)"
            logger.debug("qorgan.registry.fault", metadata: ["qorgan.operation": "\(operation)", "qorgan.fault": "\(code)"])
            return .unavailable(.fault(code: code))
        }
        if (try? envelope.fault()) != nil {
            return .unavailable(.fault(code: "soap"))
        }
        guard response.status == 200 else { return .unavailable(.httpStatus(response.status)) }
        do {
            _ = try configuration.verifier.verify(envelope, now: now)
        } catch let error as SOAPError {
            logger.info(
                "qorgan.registry.signature.rejected", metadata: ["qorgan.operation": "\(operation)", "qorgan.error": "\(error.shortDescription)"])
            if error == .signatureMissing { return .invalidResponse(.signatureMissing) }
            if error == .untrustedCertificate || error == .certificateNotValidNow { return .invalidResponse(.untrustedSigner(error.shortDescription)) }
            return .invalidResponse(.badSignature(error.shortDescription))
        } catch {
            return .invalidResponse(.badSignature())
        }
        let answer: SendMessageResponse
        do {
            answer = try SendMessageResponse(envelope: envelope)
        } catch {
            return .invalidResponse(.unexpectedContent("SendMessageResponse"))
        }
        if let expectedCorrelationId, let correlationId = answer.info.correlationId, correlationId != expectedCorrelationId {
            return .invalidResponse(.mismatchedRecord)
        }
        guard case .received(let data) = answer.payload else { return .invalidResponse(.unexpectedContent("data")) }
        let root = data.element
        guard let code = root.firstChild(namespace: nil, localName: "messageResult")?.childText(namespace: nil, localName: "code") else {
            return .invalidResponse(.unexpectedContent("messageResult"))
        }
        let evidence = RegistryEvidence(
            registry: registry, messageId: answer.info.messageId, correlationId: answer.info.correlationId, resultCode: code)
        switch code {
        case BusinessResultCode.success: return .found(SyncChannelAnswer(data: root), evidence: evidence)
        case BusinessResultCode.notFound: return .notFound(evidence: evidence)
        case BusinessResultCode.invalidIdentifier: return .unavailable(.other("identifier_rejected"))
        default: return .unavailable(.other("result_\(code)"))
        }
    }
}
