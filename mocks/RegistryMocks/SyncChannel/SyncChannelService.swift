import Foundation
import Hummingbird
import Logging
import NIOCore
import SOAP
import XMLSupport

/// One SOAP mock: the SyncChannel endpoint at `/` (POST `SendMessage`, GET `?wsdl`), its operations by `serviceId`,
/// the bus's checks and the fault injection.
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

    /// Registers the endpoint and the control routes.
    func register(on router: Router<MockRequestContext>) {
        ControlRoutes.register(on: router, injector: injector)
        router.post("/") { request, context in
            try await handle(request, context: context)
        }
        router.get("/") { request, _ in
            guard let query = request.uri.query, query.lowercased().hasPrefix("wsdl") else {
                return HTTPAnswer.text("SyncChannel v10 endpoint: POST SendMessage here, GET ?wsdl for the contract", status: .ok)
            }
            let host = request.head.authority ?? "127.0.0.1"
            return HTTPAnswer.xml(SyncChannelWSDL.document(location: "http://\(host)/"))
        }
    }

    private func handle(_ request: Request, context: MockRequestContext) async throws -> Response {
        switch try await FaultGate.pass(injector, context: context) {
        case .answered(let response):
            return response
        case .proceed(let mode, let configuration):
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: maximumRequestBytes)
            } catch {
                return HTTPAnswer.xml(fault(code: "MOCK-REQUEST-TOO-LARGE", message: "Request too large", client: true), status: .internalServerError)
            }
            let (status, bytes) = body.withUnsafeReadableBytes { answer(to: $0, mode: mode, configuration: configuration) }
            return HTTPAnswer.xml(bytes, status: status)
        }
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
                messageId: RandomUUID.lowercased(), correlationId: request.info.messageId, responseDate: Timestamps.dateTime(),
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
            errorInfo: .init(errorCode: code, errorMessage: message, errorData: data, errorDate: Timestamps.dateTime(), sessionId: sessionId)
        ).envelope()
    }
}
