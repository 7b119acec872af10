import BusinessRegistryAdapter
import EducationAdapter
import Foundation
import GBDFLAdapter
import HealthAdapter
import Identifiers
import Normalization
import Population
import RegistryMocks
import RegistryTransport
import SMSAdapter
import SOAP
import SyncChannelClient
import Testing
import Verification
import XMLSupport

/// Records the fixture messages under `Fixtures/` from the running mocks. Runs only with
/// `QORGAN_CAPTURE_FIXTURES=1` (once; the recorded files are committed — synthetic data only).
struct FixtureCapture {
    static var enabled: Bool { ProcessInfo.processInfo.environment["QORGAN_CAPTURE_FIXTURES"] == "1" }

    @Test("record fixture messages from the mocks", .enabled(if: FixtureCapture.enabled))
    func capture() async throws {
        try await MockHarness.run { harness in
            let mocks = harness.mocks
            let directory = Fixture.directory
            let material = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-fixture-capture-\(UUID().uuidString)")
            try mocks.writeClientMaterial(to: material)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("signing-certificate.pem"))
            try? FileManager.default.copyItem(
                at: material.appendingPathComponent("signing-certificate.pem"), to: directory.appendingPathComponent("signing-certificate.pem"))
            try? FileManager.default.removeItem(at: material)

            let population = MockHarness.population
            let signer = try #require(try mocks.clientIdentity?.wsSecuritySigner())
            func soap(_ name: MockRegistryName, _ serviceId: String, field: String, value: String, file: String, status: Int = 200) async throws {
                let request = SendMessageRequest(
                    info: .init(messageId: UUID().uuidString.lowercased(), serviceId: serviceId, messageDate: "2026-11-21T10:15:00.000+05:00", sender: mocks.senders[0]),
                    payload: .element(
                        XMLFragment { writer in
                            writer.startElement("Request", prefix: "p")
                            writer.declareNamespace(prefix: "p", uri: "urn:qorgan:fixture:v1")
                            writer.element(field, prefix: "p", text: value)
                            writer.endElement()
                        }, xsiType: nil))
                let transport = RegistryTransport(configuration: harness.endpoint(name), client: harness.client)
                let response = try await transport.execute(
                    RegistryRequest(
                        method: .post, path: "/", headers: [(name: "Content-Type", value: "text/xml; charset=utf-8")],
                        body: try signer.signedEnvelope(request), isIdempotent: true, operation: "capture"),
                    deadline: .now.advanced(by: .seconds(10)))
                #expect(response.status == status)
                try Data(response.body).write(to: directory.appendingPathComponent(file))
            }
            let ids = mocks.serviceIds
            let person = try #require(population.individuals.persons.first { $0.deathDate == nil && !population.individuals.birthRecords(involving: $0.person.iin).isEmpty })
            try await soap(.individuals, ids.person, field: "iin", value: person.person.iin.unmasked, file: "gbdfl-person.xml")
            try await soap(.individuals, ids.person, field: "iin", value: MockHarness.unknownIIN.unmasked, file: "gbdfl-person-not-found.xml")
            let act = try #require(population.individuals.birthRecords.first { $0.motherIIN != nil })
            try await soap(.individuals, ids.birthRecords, field: "iin", value: act.childIIN.unmasked, file: "gbdfl-birth-records.xml")
            let student = try #require(population.education.students.first)
            try await soap(.education, ids.student, field: "iin", value: student.person.iin.unmasked, file: "nobd-student.xml")
            let educator = try #require(population.education.educators.first { !$0.diplomas.isEmpty })
            try await soap(.education, ids.educator, field: "iin", value: educator.person.iin.unmasked, file: "nobd-educator.xml")
            let entity = try #require(population.business.legalEntities.first)
            try await soap(.business, ids.legalEntity, field: "bin", value: entity.bin.text, file: "gbdul-legal-entity.xml")
            mocks.setFaults(FaultConfiguration(mode: .soapFault), for: .individuals)
            try await soap(.individuals, ids.person, field: "iin", value: person.person.iin.unmasked, file: "syncchannel-fault.xml", status: 500)
            mocks.setFaults(.none, for: .individuals)

            let health = harness.health().transport
            let patient = try #require(population.health.patients.first { $0.attachment != nil && !$0.clearances.isEmpty })
            let found = try await health.execute(
                RegistryRequest(method: .get, path: "/api/v1/patients/\(patient.person.iin.unmasked)", operation: "capture"), deadline: .now.advanced(by: .seconds(10)))
            #expect(found.status == 200)
            try Data(found.body).write(to: directory.appendingPathComponent("health-patient.json"))
            let missing = try await health.execute(
                RegistryRequest(method: .get, path: "/api/v1/patients/\(MockHarness.unknownIIN.unmasked)", operation: "capture"),
                deadline: .now.advanced(by: .seconds(10)))
            #expect(missing.status == 404)
            try Data(missing.body).write(to: directory.appendingPathComponent("health-not-found.json"))

            let sms = harness.sms().transport
            let sent = try await sms.execute(
                RegistryRequest(
                    method: .post, path: "/api/v1/messages", headers: [(name: "Content-Type", value: "application/json")],
                    body: Array(#"{"to":"+77011234567","text":"Код: 0000"}"#.utf8), operation: "capture"),
                deadline: .now.advanced(by: .seconds(10)))
            #expect(sent.status == 201)
            try Data(sent.body).write(to: directory.appendingPathComponent("sms-receipt.json"))
        }
    }
}
