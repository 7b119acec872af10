import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
import XMLSupport
/// The shared population and helpers for building SyncChannel requests.
enum MockFixture {
    /// A small deterministic population, generated once.
    static let population: Population = {
        var configuration = PopulationConfiguration(seed: 20_251, people: 3_000)
        configuration.seed = 20_251
        return try! PopulationGenerator(configuration: configuration).generate()
    }()

    /// A living person ГБД ФЛ knows.
    static var knownPerson: IndividualRecord {
        population.individuals.persons.first { $0.lifeStatus == .normal && $0.person.patronymic != nil }!
    }

    /// A valid IIN nobody in the population has.
    static var unknownIIN: String {
        var counter = 0
        while true {
            counter += 1
            let prefix = Array(String(format: "900101%05d", counter).utf8).map { $0 - 48 }
            if let check = IIN.checkDigit(forPrefix: prefix) {
                let text = String(format: "900101%05d", counter) + String(check)
                if let iin = try? IIN(text), population.individuals.person(iin) == nil { return text }
            }
        }
    }

    static let payloadNamespace = "urn:qorgan:mock:gbdfl:v1"

    /// A SendMessage request for `serviceId` carrying `<p:Request><p:{field}>value</p:{field}></p:Request>`.
    static func request(serviceId: String, field: String = "iin", value: String, sender: SyncChannelSender) -> SendMessageRequest {
        SendMessageRequest(
            info: .init(
                messageId: UUID().uuidString.lowercased(), serviceId: serviceId, messageDate: "2025-09-01T10:15:00.000+05:00",
                sender: sender, sessionId: "{9a7e2f10-0b6c-4d58-9e3a-52c1d0f4e8b7}"),
            payload: .element(
                XMLFragment { writer in
                    writer.startElement("Request", prefix: "p")
                    writer.declareNamespace(prefix: "p", uri: payloadNamespace)
                    writer.element(field, prefix: "p", text: value)
                    writer.endElement()
                },
                xsiType: .init(prefix: "p", namespace: payloadNamespace, localName: "Request"))
        )
    }

    /// The request signed with the mocks' generated client identity.
    static func signed(_ request: SendMessageRequest, mocks: RunningMocks) throws -> Data {
        let identity = try #require(mocks.clientIdentity)
        return Data(try identity.wsSecuritySigner().signedEnvelope(request))
    }

    /// POSTs a SOAP envelope to a mock.
    static func post(_ envelope: Data, to mock: MockRegistryName, of mocks: RunningMocks, timeout: TimeInterval = 10) async throws -> TestHTTP.Result {
        try await TestHTTP.send(
            "POST", mocks.baseURL(mock) + "/", body: envelope,
            headers: ["Content-Type": "text/xml; charset=utf-8", "SOAPAction": "\"\""], timeout: timeout)
    }

    /// Parses a response envelope.
    static func envelope(_ result: TestHTTP.Result) throws -> SOAPEnvelope {
        try SOAPEnvelope(parsing: Array(result.body))
    }

    /// The `data` payload root of a SendMessageResponse envelope.
    static func data(_ envelope: SOAPEnvelope) throws -> XMLElement {
        let response = try SendMessageResponse(envelope: envelope)
        guard case .received(let data)? = response.payload else { throw TestFailure("no data") }
        return data.element
    }

    /// The text at a path of unqualified child names.
    static func text(_ element: XMLElement, _ path: String...) -> String? {
        var current: XMLElement? = element
        for name in path { current = current?.firstChild(namespace: nil, localName: name) }
        return current?.text
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
