import Foundation
import Hummingbird
import Identifiers
import Logging
import NIOCore
import SOAP

/// The SMS gateway mock (short number 1414), JSON REST with an API key in `X-API-Key`.
///
/// - `POST /api/v1/messages` `{"to": "+77011234567", "text": "…", "from": "1414"}` → 201 `{"id", "status": "ACCEPTED", …}`;
///   400 for a bad number or empty text; 401 for a wrong key.
/// - `GET /api/v1/messages/{id}` → `{"id", "to", "status": "ACCEPTED"|"DELIVERED", "submittedAt", "deliveredAt"}`; 404 if unknown.
/// - `GET /_control/messages` → every accepted message (for tests out of process); `DELETE` clears them.
struct SMSService: Sendable {
    let apiKey: String
    let deliveryDelay: Duration
    let outbox: SMSOutbox
    let injector: FaultInjector
    let logger: Logger

    private struct SendRequest: Decodable {
        let to: String
        let text: String
        let from: String?
    }

    private struct MessageDocument: Encodable {
        let id: String
        let to: String
        let from: String
        let status: String
        let submittedAt: String
        let deliveredAt: String?
    }

    func register(on router: Router<MockRequestContext>) {
        ControlRoutes.register(on: router, injector: injector)
        router.get("/_control/messages") { _, _ in HTTPAnswer.json(outbox.all.map(document)) }
        router.delete("/_control/messages") { _, _ in
            outbox.removeAll()
            return HTTPAnswer.empty(.noContent)
        }
        router.post("/api/v1/messages") { request, context in
            try await gated(request, context) { request in try await send(request) }
        }
        router.get("/api/v1/messages/:id") { request, context in
            try await gated(request, context) { _ in
                guard let id = context.parameters.get("id"), let message = outbox.message(id: id) else {
                    return HTTPAnswer.problem(.notFound, title: "Message not found")
                }
                return HTTPAnswer.json(document(message))
            }
        }
    }

    private func gated(_ request: Request, _ context: MockRequestContext, _ body: (Request) async throws -> Response) async throws -> Response {
        switch try await FaultGate.pass(injector, context: context) {
        case .answered(let response):
            return response
        case .proceed(let mode, _):
            switch mode {
            case .error?, .soapFault?:
                return HTTPAnswer.problem(.internalServerError, title: "Internal Server Error")
            case .malformedXML?:
                return Response(
                    status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "{\"id\": ")))
            default:
                guard request.headers[.init("X-API-Key")!] == apiKey else {
                    return HTTPAnswer.problem(.unauthorized, title: "Unauthorized", detail: "X-API-Key missing or wrong")
                }
                return try await body(request)
            }
        }
    }

    private func send(_ request: Request) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: 16 * 1024)
        guard let message = try? JSONCoding.decoder.decode(SendRequest.self, from: Data(body.readableBytesView)) else {
            return HTTPAnswer.problem(.badRequest, title: "Invalid message", detail: "expected {\"to\", \"text\"}")
        }
        let digits = message.to.utf8.dropFirst(2)
        guard message.to.hasPrefix("+7"), digits.count == 10, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return HTTPAnswer.problem(.badRequest, title: "Invalid recipient", detail: "expected +7 and ten digits")
        }
        guard !message.text.isEmpty, message.text.count <= 1000 else {
            return HTTPAnswer.problem(.badRequest, title: "Invalid text", detail: "1 to 1000 characters")
        }
        let accepted = SMSMessage(
            id: RandomUUID.lowercased(), to: message.to, from: message.from ?? "1414", text: message.text, submittedAt: Date())
        outbox.append(accepted)
        logger.info("qorgan.mocks.sms.accepted", metadata: ["qorgan.sms.id": "\(accepted.id)"])
        return HTTPAnswer.json(document(accepted), status: .created)
    }

    private func document(_ message: SMSMessage) -> MessageDocument {
        let deliveredAt = message.submittedAt.addingTimeInterval(Self.seconds(deliveryDelay))
        let delivered = deliveredAt <= Date()
        return MessageDocument(
            id: message.id, to: message.to, from: message.from,
            status: (delivered ? SMSMessage.Status.delivered : .accepted).rawValue,
            submittedAt: SyncChannelTimestamp.dateTime(message.submittedAt),
            deliveredAt: delivered ? SyncChannelTimestamp.dateTime(deliveredAt) : nil)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
