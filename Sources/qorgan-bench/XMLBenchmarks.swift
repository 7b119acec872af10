import ArgumentParser
import Crypto
import Foundation
import SOAP
import SwiftASN1
import X509
import XMLSupport
import _CryptoExtras

/// XML/SOAP throughput on one core: parse a ~4 KB SyncChannel response and map the person record,
/// build and sign a request (ECDSA P-256, RSA-2048), verify a signed response — and, in the same run,
/// Python lxml (C libxml2) parsing the same bytes and extracting the same fields.
struct XMLBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xml",
        abstract: "SyncChannel parse+map, sign and verify per second (one core), vs. Python lxml on the same bytes."
    )

    @Option(help: "Operations per timed round.")
    var iterations = 20_000

    @Option(help: "Timed rounds; the best is reported.")
    var rounds = 5

    @Option(help: "Python interpreter for the lxml comparison.")
    var python = "python3"

    @Option(help: "Path of the lxml comparison script.")
    var lxmlScript = "scripts/xml-bench-lxml.py"

    func run() throws {
        let response = try BenchmarkMessages.response()
        let identity = try BenchmarkIdentity.p256()
        let rsaIdentity = try BenchmarkIdentity.rsa2048()
        let signer = try WSSecuritySigner(signer: identity.signer, certificate: identity.certificate)
        let rsaSigner = try WSSecuritySigner(signer: rsaIdentity.signer, certificate: rsaIdentity.certificate)
        let signedResponse = try signer.signedEnvelope(bodyId: "id-response") { try BenchmarkMessages.responseValue().write(into: &$0) }
        let verifier = try WSSecurityVerifier(configuration: .init(trustedCertificates: [identity.certificate]))

        // Sanity: the mapping finds the record, the signature verifies.
        let person = try PersonRecordMapper.map(response)
        guard person.iin == "150601500436", person.documents.count == 2 else { throw ValidationError("mapping failed") }
        guard try verifier.verify(SOAPEnvelope(parsing: signedResponse)) != nil else { throw ValidationError("verify failed") }

        print("XML/SOAP benchmark — one core, release build; best of \(rounds) rounds")
        print("response: \(response.count) bytes (SyncChannel SendMessageResponse, GBD FL-like person record)")

        let parseRate = rate(iterations) { blackHole(try? PersonRecordMapper.map(response)) }
        report("parse + map person record (ours)", parseRate)

        let signIterations = max(1, iterations / 4)
        let signRate = rate(signIterations) { blackHole(try? signer.signedEnvelope(BenchmarkMessages.request)) }
        report("build + sign request, ECDSA P-256", signRate)
        let rsaIterations = max(1, iterations / 40)
        let rsaRate = rate(rsaIterations) { blackHole(try? rsaSigner.signedEnvelope(BenchmarkMessages.request)) }
        report("build + sign request, RSA-2048", rsaRate)

        let verifyRate = rate(signIterations) { blackHole(try? verifier.verify(SOAPEnvelope(parsing: signedResponse))) }
        report("parse + verify signed response, ECDSA P-256 (\(signedResponse.count) bytes)", verifyRate)

        // lxml on the same bytes, same fields.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-xml-bench-\(UUID().uuidString).xml")
        try Data(response).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        switch runLXML(file: file.path) {
        case .success(let lxmlRate):
            report("parse + extract person record (Python lxml)", lxmlRate)
            print("ratio ours/lxml: \(String(format2: parseRate / lxmlRate))× (target ≥ 0.80×)")
        case .failure(let message):
            print("lxml comparison unavailable: \(message.text)")
            print("install it with: pip install lxml")
        }
    }

    private func rate(_ count: Int, _ body: () -> Void) -> Double {
        let best = bestOf(rounds) {
            for _ in 0..<count { body() }
        }
        return Double(count) / seconds(best)
    }

    private func report(_ label: String, _ rate: Double) {
        print("  \(label): \(format(rate)) ops/s (\(String(format2: 1e6 / rate)) µs/op)")
    }

    private struct Failure: Error {
        let text: String
    }

    private func runLXML(file: String) -> Result<Double, Failure> {
        let output = runCommand([python, lxmlScript, file, "--iterations", String(iterations), "--rounds", String(rounds)])
        let text = output.text
        guard output.status == 0 else { return .failure(Failure(text: text.trimmingCharacters(in: .whitespacesAndNewlines))) }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ops_per_second ") }),
            let value = Double(line.dropFirst("ops_per_second ".count))
        else { return .failure(Failure(text: "unexpected output: \(text)")) }
        if !text.contains("iin 150601500436") { return .failure(Failure(text: "lxml extracted different fields: \(text)")) }
        return .success(value)
    }
}

// MARK: - The mapped record

/// The person record a GBD FL adapter needs, mapped from the response payload.
struct PersonRecord {
    struct Document {
        var typeCode: String
        var number: String
        var beginDate: String
        var endDate: String
        var statusCode: String
    }

    var messageId: String
    var statusCode: String
    var resultCode: String
    var iin: String
    var surname: String
    var name: String
    var patronymic: String?
    var engSurname: String?
    var engFirstName: String?
    var birthDate: String
    var genderCode: String
    var nationalityCode: String
    var citizenshipCode: String
    var lifeStatusCode: String
    var districtCode: String
    var regionCode: String
    var street: String
    var building: String
    var flat: String?
    var arCode: String
    var documents: [Document]
}

/// Envelope bytes → ``PersonRecord``, through the public SOAP and XMLSupport API.
enum PersonRecordMapper {
    static let ns = "urn:qorgan:mock:gbdfl:v1"

    struct MappingError: Error {}

    static func map(_ bytes: [UInt8]) throws -> PersonRecord {
        let envelope = try SOAPEnvelope(parsing: bytes)
        let response = try SendMessageResponse(envelope: envelope)
        guard case .received(let data)? = response.payload else { throw MappingError() }
        let root = try data.payloadRoot()
        guard let person = root.firstChild(namespace: ns, localName: "persons")?.firstChild(namespace: ns, localName: "person"),
            let address = person.firstChild(namespace: ns, localName: "regAddress")
        else { throw MappingError() }
        return PersonRecord(
            messageId: response.info.messageId,
            statusCode: response.info.status.code,
            resultCode: try code(root, "messageResult"),
            iin: try text(person, "iin"),
            surname: try text(person, "surname"),
            name: try text(person, "name"),
            patronymic: person.childText(namespace: ns, localName: "patronymic"),
            engSurname: person.childText(namespace: ns, localName: "engSurname"),
            engFirstName: person.childText(namespace: ns, localName: "engFirstName"),
            birthDate: try text(person, "birthDate"),
            genderCode: try code(person, "gender"),
            nationalityCode: try code(person, "nationality"),
            citizenshipCode: try code(person, "citizenship"),
            lifeStatusCode: try code(person, "lifeStatus"),
            districtCode: try code(address, "district"),
            regionCode: try code(address, "region"),
            street: try text(address, "street"),
            building: try text(address, "building"),
            flat: address.childText(namespace: ns, localName: "flat"),
            arCode: try text(address, "arCode"),
            documents: try (person.firstChild(namespace: ns, localName: "documents")?.children(namespace: ns, localName: "document") ?? [])
                .map { document in
                    PersonRecord.Document(
                        typeCode: try code(document, "type"),
                        number: try text(document, "number"),
                        beginDate: try text(document, "beginDate"),
                        endDate: try text(document, "endDate"),
                        statusCode: try code(document, "status"))
                }
        )
    }

    private static func text(_ element: XMLElement, _ name: String) throws -> String {
        guard let text = element.childText(namespace: ns, localName: name) else { throw MappingError() }
        return text
    }

    private static func code(_ element: XMLElement, _ name: String) throws -> String {
        guard let text = element.firstChild(namespace: ns, localName: name)?.childText(namespace: ns, localName: "code") else {
            throw MappingError()
        }
        return text
    }
}

// MARK: - Synthetic messages

enum BenchmarkMessages {
    static let request = SendMessageRequest(
        info: .init(
            messageId: "3d0c6a52-9f1e-4c7b-8a44-1b2e5f6d7c80", serviceId: "MOCK_GBDFL_PERSON",
            messageDate: "2025-02-03T10:15:00.000+05:00",
            sender: SyncChannelSender(senderId: "qorgan-gateway", password: "not-a-real-password"),
            sessionId: "{9a7e2f10-0b6c-4d58-9e3a-52c1d0f4e8b7}"),
        payload: .element(
            XMLFragment { writer in
                writer.startElement("PersonRequest", prefix: "p")
                writer.declareNamespace(prefix: "p", uri: PersonRecordMapper.ns)
                writer.element("iin", prefix: "p", text: "150601500436")
                writer.endElement()
            }, xsiType: .init(prefix: "p", namespace: PersonRecordMapper.ns, localName: "PersonRequest")))

    static func responseValue() -> SendMessageResponse {
        SendMessageResponse(
            info: .init(
                messageId: "b2c1e8a0-5d3f-4e61-9a7b-0c4d2e6f8a91", correlationId: "bus-7781",
                responseDate: "2025-02-03T10:15:01.120+05:00", sessionId: "{9a7e2f10-0b6c-4d58-9e3a-52c1d0f4e8b7}"),
            payload: .element(payload, xsiType: nil))
    }

    static func response() throws -> [UInt8] { try responseValue().envelope() }

    /// A GBD FL-like `data` payload (shape from registries.md; all values synthetic).
    static let payload = XMLFragment { w in
        func dictionary(_ name: String, _ code: String, _ ru: String, _ kz: String) {
            w.startElement(name, prefix: "p")
            w.element("code", prefix: "p", text: code)
            w.element("nameRu", prefix: "p", text: ru)
            w.element("nameKz", prefix: "p", text: kz)
            w.element("changeDate", prefix: "p", text: "2019-01-01T00:00:00+05:00")
            w.endElement()
        }
        w.startElement("result", prefix: "p")
        w.declareNamespace(prefix: "p", uri: PersonRecordMapper.ns)
        w.element("messageId", prefix: "p", text: "5f0e7c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b")
        w.element("messageDate", prefix: "p", text: "2025-02-03T10:15:01.050+05:00")
        w.element("requestId", prefix: "p", text: "bus-7781")
        dictionary("sender", "GBDFL", "ГБД Физические лица", "ЖТ МДҚ")
        dictionary("receiver", "QORGAN", "Qorgan шлюз", "Qorgan шлюзі")
        dictionary("messageResult", "00000", "Сообщение успешно обработано", "Хабар сәтті өңделді")
        w.startElement("persons", prefix: "p")
        w.startElement("person", prefix: "p")
        w.element("iin", prefix: "p", text: "150601500436")
        w.element("surname", prefix: "p", text: "ЖҰМАБЕКОВ")
        w.element("name", prefix: "p", text: "АЛИХАН")
        w.element("patronymic", prefix: "p", text: "ЕРЛАНҰЛЫ")
        w.element("engSurname", prefix: "p", text: "ZHUMABEKOV")
        w.element("engFirstName", prefix: "p", text: "ALIKHAN")
        w.element("birthDate", prefix: "p", text: "2015-06-01")
        dictionary("gender", "1", "Мужской", "Ер")
        dictionary("nationality", "005", "КАЗАХ", "ҚАЗАҚ")
        dictionary("citizenship", "398", "КАЗАХСТАН", "ҚАЗАҚСТАН")
        dictionary("lifeStatus", "0", "Нормальный", "Қалыпты")
        w.startElement("regAddress", prefix: "p")
        dictionary("country", "398", "КАЗАХСТАН", "ҚАЗАҚСТАН")
        dictionary("district", "7500", "АЛМАТЫ", "АЛМАТЫ")
        dictionary("region", "7523001", "МЕДЕУСКИЙ РАЙОН", "МЕДЕУ АУДАНЫ")
        w.element("street", prefix: "p", text: "УЛИЦА АБАЯ")
        w.element("building", prefix: "p", text: "12")
        w.element("flat", prefix: "p", text: "34")
        w.element("beginDate", prefix: "p", text: "2019-09-01")
        dictionary("status", "1", "Зарегистрирован", "Тіркелген")
        w.element("arCode", prefix: "p", text: "0203400000000000")
        w.endElement()
        w.startElement("documents", prefix: "p")
        for (type, number, begin, end, status) in [
            ("002", "045678912", "2021-03-15", "2031-03-14", "00"), ("001", "N12345678", "2016-07-01", "2026-06-30", "07"),
        ] {
            w.startElement("document", prefix: "p")
            dictionary("type", type, type == "001" ? "ПАСПОРТ РК" : "УДОСТОВЕРЕНИЕ РК", "ҚР ҚҰЖАТЫ")
            w.element("number", prefix: "p", text: number)
            w.element("beginDate", prefix: "p", text: begin)
            w.element("endDate", prefix: "p", text: end)
            dictionary("issueOrganization", "002", "МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РК", "ҚР ІШКІ ІСТЕР МИНИСТРЛІГІ")
            dictionary("status", status, status == "00" ? "ДОКУМЕНТ ДЕЙСТВИТЕЛЕН" : "НЕПРИГОДНОСТЬ", "ҚҰЖАТ")
            w.endElement()
        }
        w.endElement()
        w.endElement()
        w.endElement()
        w.endElement()
    }
}

/// A benchmark signing identity: a fresh key and a self-signed certificate (no committed keys).
struct BenchmarkIdentity {
    let signer: any XMLSignatureSigner
    let certificate: Certificate

    static func p256() throws -> BenchmarkIdentity {
        let key = P256.Signing.PrivateKey()
        return BenchmarkIdentity(
            signer: ECDSAP256SHA256Signer(key: key),
            certificate: try certificate(.init(key.publicKey), .init(key), .ecdsaWithSHA256))
    }

    static func rsa2048() throws -> BenchmarkIdentity {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        return BenchmarkIdentity(
            signer: RSASHA256Signer(key: key),
            certificate: try certificate(.init(key.publicKey), .init(key), .sha256WithRSAEncryption))
    }

    private static func certificate(
        _ publicKey: Certificate.PublicKey, _ privateKey: Certificate.PrivateKey, _ algorithm: Certificate.SignatureAlgorithm
    ) throws -> Certificate {
        let name = try DistinguishedName { CommonName("qorgan-bench") }
        return try Certificate(
            version: .v3, serialNumber: .init(), publicKey: publicKey,
            notValidBefore: Date(timeIntervalSinceNow: -3600), notValidAfter: Date(timeIntervalSinceNow: 86_400),
            issuer: name, subject: name, signatureAlgorithm: algorithm, extensions: Certificate.Extensions(),
            issuerPrivateKey: privateKey)
    }
}
