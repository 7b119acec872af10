import Foundation
import Logging
import SOAP
import SwiftASN1
import SyncChannelClient
import X509

/// Recorded registry messages (synthetic data, captured once from the mocks) under `Fixtures/`.
enum Fixture {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The certificate that signed the recorded SOAP answers (public; its key was never stored).
    static func signingCertificate() throws -> Certificate {
        try Certificate(pemEncoded: String(decoding: try bytes("signing-certificate.pem"), as: UTF8.self))
    }

    /// When the answers were recorded: inside the signing certificate's validity period.
    static var recordedAt: Date {
        get throws { try signingCertificate().notValidBefore.addingTimeInterval(7200) }
    }

    static func configuration(trusting certificates: [Certificate]) throws -> SyncChannelClientConfiguration {
        SyncChannelClientConfiguration(
            sender: SyncChannelSender(senderId: "qorgan", password: "unused"), signer: nil,
            verifier: try WSSecurityVerifier(configuration: .init(trustedCertificates: certificates)))
    }

    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
}
