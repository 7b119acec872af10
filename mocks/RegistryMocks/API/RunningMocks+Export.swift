public import Foundation
import SOAP
import SwiftASN1
import X509

extension RunningMocks {
    /// What a client of these mocks needs, as `connection.json` in ``writeClientMaterial(to:)``.
    struct ConnectionDocument: Encodable {
        struct Sender: Encodable {
            let senderId: String
            let password: String
        }

        let endpoints: [String: String]
        let senders: [Sender]
        let serviceIds: ServiceIdentifiers
        let healthClient: HealthClientCredentials
        let smsAPIKey: String
        let signingCertificate: String
        let clientCertificate: String?
        let clientPrivateKey: String?
    }

    /// Writes the client's connection material into `directory` (created if missing): `connection.json` (base URLs,
    /// SyncChannel senders and service ids, health client, SMS key, file names below), `signing-certificate.pem` (trust
    /// for response signatures) and, when generated, `client-certificate.pem` and `client-key.pem` (PKCS#8) to sign
    /// requests with. Test material only: the key is made at start and never reused.
    ///
    /// - Throws: ``RegistryMocksError/exportFailed`` when a file cannot be written.
    public func writeClientMaterial(to directory: URL) throws(RegistryMocksError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let signingPEM = try signingCertificate.serializeAsPEM().pemString
            try Data(signingPEM.utf8).write(to: directory.appendingPathComponent("signing-certificate.pem"))
            if let clientIdentity {
                try Data(try clientIdentity.certificatePEM.utf8).write(to: directory.appendingPathComponent("client-certificate.pem"))
                try Data(clientIdentity.privateKeyPEM.utf8).write(to: directory.appendingPathComponent("client-key.pem"), options: .atomic)
            }
            let document = ConnectionDocument(
                endpoints: Dictionary(uniqueKeysWithValues: endpoints.map { ($0.name.rawValue, $0.baseURL) }),
                senders: senders.map { .init(senderId: $0.senderId, password: $0.password) },
                serviceIds: serviceIds, healthClient: healthClient, smsAPIKey: smsAPIKey,
                signingCertificate: "signing-certificate.pem",
                clientCertificate: clientIdentity == nil ? nil : "client-certificate.pem",
                clientPrivateKey: clientIdentity == nil ? nil : "client-key.pem")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(document).write(to: directory.appendingPathComponent("connection.json"))
        } catch let error as RegistryMocksError {
            throw error
        } catch {
            throw .exportFailed("client material")
        }
    }
}
