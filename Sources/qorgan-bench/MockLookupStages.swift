import Crypto
import Foundation
import Identifiers
import RegistryMocks
import SOAP
import SwiftASN1
import X509
import XMLSupport

/// The stages of one individuals-mock look-up, timed in-process on one thread with the public SOAP API: where the
/// CPU time of a signed look-up goes, without HTTP, wrk or the scheduler in the picture.
struct MockLookupStages {
    let request: [UInt8]
    let response: [UInt8]
    let client: MockSigningIdentity

    /// Prints µs per operation for each stage (best of 5 rounds).
    func report() throws {
        let envelope = try SOAPEnvelope(parsing: request)
        let verifier = try WSSecurityVerifier(configuration: .init(trustedCertificates: [client.certificate]))
        let identity = try MockSigningIdentity.generate(commonName: "stages")
        let signer = try identity.wsSecuritySigner()
        let answered = try SOAPEnvelope(parsing: response)
        guard let data = try SendMessageResponse(envelope: answered).payload, case .received(let received) = data else {
            throw MockLookupStagesError.noPayload
        }
        // The data content the mock writes: every child of `data`, each a self-contained fragment.
        let fragments = try received.element.childElements.map { try XMLFragment(validating: try $0.exclusiveCanonicalization()) }
        let payload = XMLFragment { writer in for fragment in fragments { writer.fragment(fragment) } }
        let info = try SendMessageRequest(envelope: envelope).info
        let der = try Self.der(client.certificate)
        let signedInfo = [UInt8](repeating: 0x61, count: 700)
        let signature = try client.privateKey.signature(for: signedInfo)
        let key = identity.privateKey

        // The Swift C14N must agree with libxml2's on every element of both messages before any figure counts.
        for document in [envelope.document, answered.document] {
            for element in document.root.subtreeElements {
                guard try element.exclusiveCanonicalization() == element.referenceExclusiveCanonicalization({ Array($0) }) else {
                    throw MockLookupStagesError.canonicalizationDiffers
                }
            }
        }

        print("  stages of one look-up, in-process, one thread (µs per operation, best of 5 rounds):")
        var total = 0.0
        func stage(_ name: String, counted: Bool = false, iterations: Int = 2_000, _ body: () throws -> Void) rethrows {
            var best = Double.infinity
            for _ in 0..<5 {
                let start = ContinuousClock.now
                for _ in 0..<iterations { try body() }
                best = min(best, seconds(ContinuousClock.now - start) / Double(iterations) * 1e6)
            }
            if counted { total += best }
            print("    \(counted ? "" : "  ")\(name): \(String(format2: best)) µs")
        }
        try stage("parse request envelope (\(request.count) bytes)", counted: true) { blackHole(try SOAPEnvelope(parsing: request)) }
        try stage("read SendMessage request", counted: true) { blackHole(try SendMessageRequest(envelope: envelope)) }
        try stage("verify request signature", counted: true) { blackHole(try verifier.verify(envelope)) }
        try stage("of which: exclusive C14N + SHA-256 of the request Body") {
            blackHole(try envelope.body.withExclusiveCanonicalization { SHA256Digest().digest($0) })
        }
        try stage("  (libxml2 xmlC14NExecute instead, for comparison)") {
            blackHole(try envelope.body.referenceExclusiveCanonicalization { SHA256Digest().digest($0) })
        }
        try stage("  (X.509 parse of the signer certificate: not on the verifier's path, which matches the pinned certificate's text)") { blackHole(try Certificate(derEncoded: der)) }
        stage("of which: P-256 key from the certificate + ECDSA verify") {
            blackHole(P256.Signing.PublicKey(client.certificate.publicKey)!.isValidSignature(signature, for: signedInfo))
        }
        let pinned = ECDSAP256SHA256Verifier().prepared(for: client.certificate.publicKey)
        let signatureBytes = Array(signature.rawRepresentation)
        guard pinned.isValidSignature(signatureBytes, for: signedInfo) else { throw MockLookupStagesError.pinnedKeyRefused }
        stage("of which: ECDSA verify with the pinned key's table (what the verifier does; swift-crypto above)") {
            blackHole(pinned.isValidSignature(signatureBytes, for: signedInfo))
        }
        stage("  (a pinned key's table, built once per key on its first check, with that check)", iterations: 50) {
            blackHole(ECDSAP256SHA256Verifier().prepared(for: client.certificate.publicKey).isValidSignature(signatureBytes, for: signedInfo))
        }
        try stage("build + sign response (\(response.count) bytes)", counted: true) {
            let answer = SendMessageResponse(
                info: .init(messageId: RandomUUID.lowercased(), correlationId: info.messageId, responseDate: "2025-09-01T10:00:00.000+05:00",
                            sessionId: info.sessionId),
                payload: .element(payload, xsiType: nil))
            blackHole(try signer.signedEnvelope(answer))
        }
        try stage("of which: ECDSA P-256 sign") { blackHole(try key.signature(for: signedInfo)) }
        let fixedResponse = SendMessageResponse(
            info: .init(messageId: info.messageId, correlationId: info.messageId, responseDate: "2025-09-01T10:00:00.000+05:00",
                        sessionId: info.sessionId),
            payload: .element(payload, xsiType: nil))
        var bodyBytes: [UInt8] = []
        var canonicalWriter = XMLWriter(reservingCapacity: 2048, emptyElementsAsTagPairs: true)
        try stage("of which: write the response Body (tag pairs, as the signer does)") {
            var writer = XMLWriter(reservingCapacity: 2048, emptyElementsAsTagPairs: true)
            try fixedResponse.write(into: &writer)
            bodyBytes = writer.bytes
            canonicalWriter = writer
        }
        try stage("of which: SHA-256 of the written Body (the signer's digest when the writer vouches for it)") {
            blackHole(bodyBytes.withUnsafeBytes { SHA256Digest().digest($0) })
        }
        // Here the payload comes from validated fragments, which the writer does not vouch for, so this harness's
        // signer canonicalizes the written Body; the mocks' own payloads are written in canonical form and skip it.
        try stage("of which: exclusive C14N of the written Body (this harness only; vouched: \(canonicalWriter.isExclusiveCanonical))") {
            blackHole(try XMLCanonicalization.exclusive(ofWritten: canonicalWriter))
        }
        stage("of which: three message ids (RandomUUID, as the mocks and the gateway make them)") {
            blackHole(RandomUUID.lowercased() + RandomUUID.lowercased() + RandomUUID.lowercased())
        }
        print("    sum of the counted stages: \(String(format2: total)) µs → \(format(1e6 / total)) look-ups/s per core before HTTP")
    }

    private static func der(_ certificate: Certificate) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return serializer.serializedBytes
    }
}

/// Why the stage timing could not start.
enum MockLookupStagesError: Error {
    /// The sample answer carried no `data` payload.
    case noPayload
    /// The Swift and the libxml2 exclusive canonicalization disagree on an element of the sample messages.
    case canonicalizationDiffers
    /// The pinned-key verifier refused a signature swift-crypto made.
    case pinnedKeyRefused
}
