import Foundation
import Normalization
public import Logging
public import RegistryTransport
public import Verification

/// The SMS gateway over JSON REST (`X-API-Key` in the transport's credentials).
///
/// `POST /api/v1/messages {"to","text","from?"}`: 200/201 with `{"id","status"}` → `.found(receipt)`; anything else
/// → `.unavailable`; an unreadable answer → `.invalidResponse`. Sending is not idempotent, so the transport never
/// retries it. Never `.notFound`. Neither the number nor the text is logged.
public struct SMSAdapter: SMSGateway {
    private struct SendRequest: Encodable {
        let to: String
        let text: String
        let from: String?
    }

    struct Receipt: Decodable {
        let id: String
        let status: String
    }

    /// The transport (with the API key).
    public let transport: RegistryTransport
    /// Path of the send endpoint. Default: `/api/v1/messages`.
    public let path: String
    private let logger: Logger

    /// Creates the adapter.
    public init(transport: RegistryTransport, path: String = "/api/v1/messages", logger: Logger) {
        self.transport = transport
        self.path = path
        self.logger = logger
    }

    /// Sends `message`.
    public func send(_ message: SMSMessage, within deadline: Deadline) async -> RegistryResult<SMSReceipt> {
        let body: [UInt8]
        do {
            body = Array(try JSONEncoder().encode(SendRequest(to: message.recipient.e164, text: message.text, from: message.sender)))
        } catch {
            return .unavailable(.other("request_encoding"))
        }
        let response: RegistryResponse
        do {
            response = try await transport.execute(
                RegistryRequest(
                    method: .post, path: path, headers: [(name: "Content-Type", value: "application/json"), (name: "Accept", value: "application/json")],
                    body: body, isIdempotent: false, operation: "send"),
                deadline: deadline.instant)
        } catch {
            return .unavailable(UnavailabilityReason(error))
        }
        return Self.classify(response)
    }

    /// Classifies a received answer (pure; used by fixture tests).
    static func classify(_ response: RegistryResponse) -> RegistryResult<SMSReceipt> {
        guard response.status == 200 || response.status == 201 else {
            return response.status == 429 ? .unavailable(.rateLimited) : .unavailable(.httpStatus(response.status))
        }
        guard let receipt = try? JSONDecoder().decode(Receipt.self, from: Data(response.body)), !receipt.id.isEmpty else {
            return .invalidResponse(.malformed("json"))
        }
        return .found(
            SMSReceipt(id: receipt.id, status: SMSDeliveryStatus(rawValue: receipt.status)),
            evidence: RegistryEvidence(registry: .sms, messageId: receipt.id, resultCode: String(response.status)))
    }

}
