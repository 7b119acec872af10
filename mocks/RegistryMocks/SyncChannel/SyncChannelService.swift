import Foundation
import Hummingbird
import Identifiers
import Logging
import NIOCore
import SOAP
import XMLSupport

/// One SOAP mock: the SyncChannel endpoint at `/` (POST `SendMessage`, GET `?wsdl`), its operations by `serviceId`,
/// the bus's checks and the fault injection. ``SOAPMockServer`` serves it over HTTP.
struct SyncChannelService: Sendable {
    /// Answers one operation.
    typealias Operation = @Sendable (SyncChannelCall) -> RegistryAnswer

    let name: MockRegistryName
    let operations: [String: Operation]
    let security: SyncChannelSecurity
    let signer: WSSecuritySigner
    /// Signs ``FaultMode/wrongSignature`` answers: a key outside the trust set the client was given.
    let rogueSigner: WSSecuritySigner
    let injector: FaultInjector
    let maximumRequestBytes: Int
    let logger: Logger

    /// The answer to `GET /`: the WSDL for `?wsdl` (its location on `host`), a short text otherwise.
    func describe(query: String?, host: String?) -> MockHTTPReply {
        guard let query, query.lowercased().hasPrefix("wsdl") else {
            return .text("SyncChannel v10 endpoint: POST SendMessage here, GET ?wsdl for the contract", status: .ok)
        }
        return .xml(SyncChannelWSDL.document(location: "http://\(host ?? "127.0.0.1")/"))
    }

    /// The answer to a `SendMessage` body over ``maximumRequestBytes``.
    func tooLarge() -> MockHTTPReply {
        .xml(fault(code: "MOCK-REQUEST-TOO-LARGE", message: "Request too large", client: true), status: .internalServerError)
    }

    /// The answer to one `SendMessage` body, with the fault the gate left to the mock.
    func reply(to body: ByteBuffer, mode: FaultMode?, configuration: FaultConfiguration) -> MockHTTPReply {
        let (status, bytes) = body.withUnsafeReadableBytes { answer(to: $0, mode: mode, configuration: configuration) }
        return .xml(bytes, status: status)
    }

    /// The answer to one request body: `(HTTP status, envelope bytes)`.
    func answer(to body: UnsafeRawBufferPointer, mode: FaultMode?, configuration: FaultConfiguration) -> (HTTPResponse.Status, [UInt8]) {
        let envelope: SOAPEnvelope
        let request: SendMessageRequest
        do {
            envelope = try SOAPEnvelope(parsing: body)
            request = try SendMessageRequest(envelope: envelope)
        } catch {
            logger.debug("qorgan.mocks.request.malformed", metadata: ["qorgan.registry": "\(name)"])
            return (.internalServerError, fault(code: "MOCK-MALFORMED-REQUEST", message: "Malformed SendMessage request", client: true))
        }
        let sessionId = request.info.sessionId
        switch security.refusal(for: envelope, request: request) {
        case .sender?:
            logger.info("qorgan.mocks.request.refused", metadata: ["qorgan.registry": "\(name)", "qorgan.reason": "sender"])
            return (.internalServerError, fault(code: "MOCK-AUTH-SENDER", message: "Sender authentication failed", client: true, sessionId: sessionId))
        case .signature(let reason)?:
            logger.info("qorgan.mocks.request.refused", metadata: ["qorgan.registry": "\(name)", "qorgan.reason": "\(reason)"])
            return (
                .internalServerError,
                fault(code: "MOCK-AUTH-SIGNATURE", message: "Signature verification failed", data: reason, client: true, sessionId: sessionId)
            )
        case nil:
            break
        }
        switch mode {
        case .error?:
            return (.internalServerError, fault(code: "MOCK-INTERNAL", message: "Internal provider error", sessionId: sessionId))
        case .soapFault?:
            return (.internalServerError, fault(code: configuration.faultCode, message: configuration.faultMessage, sessionId: sessionId))
        default:
            break
        }
        guard let operation = operations[request.info.serviceId] else {
            return (.internalServerError, fault(code: "MOCK-UNKNOWN-SERVICE", message: "Service not found", client: true, sessionId: sessionId))
        }
        let call = SyncChannelCall(request: request)
        let response = SendMessageResponse(
            info: .init(
                messageId: RandomUUID.lowercased(), correlationId: request.info.messageId, responseDate: SyncChannelTimestamp.dateTime(),
                status: .success, sessionId: sessionId),
            payload: .element(operation(call).fragment(for: call), xsiType: nil)
        )
        do {
            let signed = try (mode == .wrongSignature ? rogueSigner : signer).signedEnvelope(response)
            if mode == .malformedXML { return (.ok, Array(signed.prefix(signed.count * 2 / 3))) }
            return (.ok, signed)
        } catch {
            logger.error("qorgan.mocks.response.signing_failed", metadata: ["qorgan.registry": "\(name)"])
            return (.internalServerError, fault(code: "MOCK-INTERNAL", message: "Internal provider error", sessionId: sessionId))
        }
    }

    private func fault(
        code: String, message: String, data: String? = nil, client: Bool = false, sessionId: String? = nil
    ) -> [UInt8] {
        SyncChannelFault(
            code: client ? .client : .server,
            errorInfo: .init(errorCode: code, errorMessage: message, errorData: data, errorDate: SyncChannelTimestamp.dateTime(), sessionId: sessionId)
        ).envelope()
    }
}
