import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
import XMLSupport
struct IndividualsMockTests {
    @Test("a person fetched by IIN comes back in a response signed by the mocks' certificate")
    func personBySignedSOAP() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let record = MockFixture.knownPerson
            let request = MockFixture.request(
                serviceId: mocks.serviceIds.person, value: record.person.iin.unmasked, sender: mocks.senders[0])
            let result = try await MockFixture.post(try MockFixture.signed(request, mocks: mocks), to: .individuals, of: mocks)
            #expect(result.status == 200)
            let envelope = try MockFixture.envelope(result)

            let verifier = try WSSecurityVerifier(configuration: .init(trustedCertificates: [mocks.signingCertificate]))
            #expect(try verifier.verify(envelope) != nil)

            let response = try SendMessageResponse(envelope: envelope)
            #expect(response.info.status == .success)
            #expect(response.info.correlationId == request.info.messageId)
            #expect(response.info.sessionId == request.info.sessionId)
            let data = try MockFixture.data(envelope)
            #expect(MockFixture.text(data, "messageResult", "code") == "00000")
            #expect(MockFixture.text(data, "sender", "code") == "GBDFL")
            let person = try #require(data.firstChild(namespace: nil, localName: "persons")?.firstChild(namespace: nil, localName: "person"))
            #expect(MockFixture.text(person, "iin") == record.person.iin.unmasked)
            #expect(MockFixture.text(person, "surname") == record.person.surname)
            #expect(MockFixture.text(person, "name") == record.person.firstName)
            #expect(MockFixture.text(person, "patronymic") == record.person.patronymic)
            #expect(MockFixture.text(person, "engSurname") == record.engSurname)
            #expect(MockFixture.text(person, "birthDate") == record.person.birthDate.description)
            #expect(MockFixture.text(person, "gender", "code") == (record.person.gender == .male ? "1" : "2"))
            #expect(MockFixture.text(person, "lifeStatus", "code") == "0")
            #expect(MockFixture.text(person, "regAddress", "katoCode") == record.address.katoCode)
            #expect(record.person.surname == record.person.surname.uppercased())
        }
    }

    @Test("an unknown IIN is a not-found business answer inside a successful response, not a fault")
    func unknownIIN() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let request = MockFixture.request(serviceId: mocks.serviceIds.person, value: MockFixture.unknownIIN, sender: mocks.senders[0])
            let result = try await MockFixture.post(try MockFixture.signed(request, mocks: mocks), to: .individuals, of: mocks)
            #expect(result.status == 200)
            let envelope = try MockFixture.envelope(result)
            #expect(try envelope.fault() == nil)
            let data = try MockFixture.data(envelope)
            #expect(MockFixture.text(data, "messageResult", "code") == "00003")
            #expect(MockFixture.text(data, "messageResult", "nameRu") == "Сведения не найдены")
            #expect(data.firstChild(namespace: nil, localName: "persons") == nil)
        }
    }

    @Test("an IIN failing its checksum is answered with business code 00002")
    func invalidIIN() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let request = MockFixture.request(serviceId: mocks.serviceIds.person, value: "123456789012", sender: mocks.senders[0])
            let result = try await MockFixture.post(try MockFixture.signed(request, mocks: mocks), to: .individuals, of: mocks)
            #expect(result.status == 200)
            #expect(MockFixture.text(try MockFixture.data(try MockFixture.envelope(result)), "messageResult", "code") == "00002")
        }
    }

    @Test("birth records link a child to the parents")
    func birthRecords() async throws {
        let act = try #require(MockFixture.population.individuals.birthRecords.first { $0.motherIIN != nil })
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let request = MockFixture.request(serviceId: mocks.serviceIds.birthRecords, value: act.childIIN.unmasked, sender: mocks.senders[0])
            let result = try await MockFixture.post(try MockFixture.signed(request, mocks: mocks), to: .individuals, of: mocks)
            let data = try MockFixture.data(try MockFixture.envelope(result))
            #expect(MockFixture.text(data, "messageResult", "code") == "00000")
            let record = try #require(data.firstChild(namespace: nil, localName: "birthRecords")?.firstChild(namespace: nil, localName: "birthRecord"))
            #expect(MockFixture.text(record, "actNumber") == act.actNumber)
            #expect(MockFixture.text(record, "child", "iin") == act.childIIN.unmasked)
            #expect(MockFixture.text(record, "mother", "iin") == act.motherIIN?.unmasked)
        }
    }

    @Test("the WSDL is served at ?wsdl and names the SyncChannel contract and this endpoint")
    func wsdl() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            for name in [MockRegistryName.individuals, .education, .business] {
                let result = try await TestHTTP.send("GET", mocks.baseURL(name) + "/?wsdl")
                #expect(result.status == 200)
                #expect(result.header("Content-Type")?.hasPrefix("text/xml") == true)
                let document = try XMLDocument(parsing: Array(result.body))
                #expect(document.root.hasName(namespace: "http://schemas.xmlsoap.org/wsdl/", localName: "definitions"))
                #expect(result.text.contains("SendMessageFault1_SendMessageFault"))
                #expect(result.text.contains("location=\"\(mocks.baseURL(name))/\""))
            }
        }
    }
}
