import Foundation
import SOAP
import Testing
import XMLSupport

/// Interoperability with an independent XML-DSig implementation: the `xmlsec1` command-line tool
/// (Debian package `xmlsec1`, OpenSSL backend).
///
/// Runs the real tool. Without it the tests are skipped locally, but they fail when `CI` is set or
/// `QORGAN_REQUIRE_XMLSEC=1`, so CI can never silently lose them.
@Suite(.enabled(if: XMLSec.shouldRun, "xmlsec1 not installed (apt-get install xmlsec1); set QORGAN_REQUIRE_XMLSEC=1 to make this fail"))
struct XMLSecInteropTests {
    private static let idAttribute = ["--id-attr:Id", "http://schemas.xmlsoap.org/soap/envelope/:Body"]

    @Test("xmlsec1 is installed where it is required")
    func toolIsPresent() throws {
        #expect(XMLSec.executable != nil, "xmlsec1 is required (CI or QORGAN_REQUIRE_XMLSEC=1) but not on PATH")
    }

    @Test("xmlsec1 verifies a request we signed with ECDSA P-256 and with RSA", arguments: ["p256", "rsa"])
    func xmlsecVerifiesOurs(_ kind: String) throws {
        let identity = try kind == "p256" ? TestIdentity.p256() : TestIdentity.rsa2048()
        let signed = try identity.wsSecuritySigner().signedEnvelope(Samples.request())
        try XMLSec.withTemporaryDirectory { directory in
            let document = try directory.write("signed.xml", signed)
            let certificate = try directory.write("cert.pem", Array(identity.certificatePEM.utf8))
            let result = try XMLSec.run(["--verify", "--pubkey-cert-pem", certificate] + Self.idAttribute + [document])
            #expect(result.status == 0, "xmlsec1 refused our signature: \(result.output)")
            #expect(result.output.contains("OK"))

            // And it notices a modified Body, so the acceptance above means something.
            let tampered = String(decoding: signed, as: UTF8.self).replacingOccurrences(of: "150601500436", with: "150601500437")
            let tamperedFile = try directory.write("tampered.xml", Array(tampered.utf8))
            let refused = try XMLSec.run(["--verify", "--pubkey-cert-pem", certificate] + Self.idAttribute + [tamperedFile])
            #expect(refused.status != 0)
        }
    }

    @Test("we verify a request signed by xmlsec1, certificate in KeyIdentifier or in X509Data",
          arguments: ["p256-keyidentifier", "p256-x509data", "rsa-x509data"])
    func weVerifyXMLSec(_ variant: String) throws {
        let identity = try variant.hasPrefix("p256") ? TestIdentity.p256() : TestIdentity.rsa2048()
        // Our own output as the template: blank the values xmlsec1 must compute.
        var template = String(decoding: try identity.wsSecuritySigner().signedEnvelope(Samples.request()), as: UTF8.self)
        template = template.replacingOccurrences(of: #"(?<=<ds:DigestValue>)[^<]+"#, with: "", options: .regularExpression)
        template = template.replacingOccurrences(of: #"(?<=<ds:SignatureValue>)[^<]+"#, with: "", options: .regularExpression)
        if variant.hasSuffix("x509data") {
            template = template.replacingOccurrences(
                of: #"<ds:KeyInfo>[\s\S]*</ds:KeyInfo>"#, with: "<ds:KeyInfo><ds:X509Data/></ds:KeyInfo>", options: .regularExpression)
        }
        try XMLSec.withTemporaryDirectory { directory in
            let templateFile = try directory.write("template.xml", Array(template.utf8))
            let key = try directory.write("key.pem", Array(identity.privateKeyPEM.utf8))
            let certificate = try directory.write("cert.pem", Array(identity.certificatePEM.utf8))
            let output = directory.path("signed.xml")
            let result = try XMLSec.run(
                ["--sign", "--privkey-pem", "\(key),\(certificate)"] + Self.idAttribute + ["--output", output, templateFile])
            try #require(result.status == 0, "xmlsec1 could not sign: \(result.output)")
            let signed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
            let envelope = try SOAPEnvelope(parsing: signed)
            let verifier = try WSSecurityVerifier(configuration: .init(trustedCertificates: [identity.certificate]))
            let verification = try #require(try verifier.verify(envelope))
            #expect(verification.certificate == identity.certificate)
            #expect(try SendMessageRequest(envelope: envelope).info == Samples.request().info)

            let tampered = String(decoding: signed, as: UTF8.self).replacingOccurrences(of: "MOCK_GBDFL_PERSON", with: "MOCK_GBDFL_PERSOM")
            #expect(throws: SOAPError.digestMismatch) { try verifier.verify(SOAPEnvelope(parsing: Array(tampered.utf8))) }
        }
    }
}

/// Finding and running `xmlsec1`.
enum XMLSec {
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/xmlsec1" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Required when running in CI or when asked to; then a missing tool fails instead of skipping.
    static let isRequired: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } == true
            || environment["QORGAN_REQUIRE_XMLSEC"] == "1"
    }()

    static var shouldRun: Bool { executable != nil || isRequired }

    struct Result {
        let status: Int32
        let output: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let executable = try #require(executable, "xmlsec1 not found on PATH")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    struct Directory {
        let url: URL
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = path(name)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    static func withTemporaryDirectory(_ body: (Directory) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-xmlsec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try body(Directory(url: url))
    }
}
