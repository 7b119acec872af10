import Foundation
import SOAP
import X509

/// What a SOAP mock checks before it answers, as the bus does: the WS-Security signature over the Body and the
/// `sender` credentials.
struct SyncChannelSecurity: Sendable {
    /// Why a request was refused.
    enum Refusal: Sendable, Hashable {
        /// Unknown `senderId` or wrong password.
        case sender
        /// Missing or invalid signature; the SOAP error's short description.
        case signature(String)
    }

    private let passwords: [String: String]
    private let unsignedSenderIds: Set<String>
    private let strict: WSSecurityVerifier
    private let lenient: WSSecurityVerifier

    init(senders: [SyncChannelSender], unsignedSenderIds: Set<String>, trusted: [Certificate], checksValidity: Bool) throws {
        passwords = Dictionary(senders.map { ($0.senderId, $0.password) }, uniquingKeysWith: { first, _ in first })
        self.unsignedSenderIds = unsignedSenderIds
        strict = try WSSecurityVerifier(
            configuration: .init(trustedCertificates: trusted, requiresSignature: true, checksValidityPeriod: checksValidity))
        lenient = try WSSecurityVerifier(
            configuration: .init(trustedCertificates: trusted, requiresSignature: false, checksValidityPeriod: checksValidity))
    }

    /// `nil` when the request may be answered.
    func refusal(for envelope: SOAPEnvelope, request: SendMessageRequest) -> Refusal? {
        let sender = request.info.sender
        let verifier = unsignedSenderIds.contains(sender.senderId) ? lenient : strict
        do {
            _ = try verifier.verify(envelope)
        } catch let error as SOAPError {
            return .signature(error.shortDescription)
        } catch {
            return .signature("verification_failed")
        }
        guard let password = passwords[sender.senderId], Self.constantTimeEqual(password, sender.password) else { return .sender }
        return nil
    }

    private static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
