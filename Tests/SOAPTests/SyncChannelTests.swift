import Foundation
import SOAP
import Testing
import XMLSupport

struct SyncChannelTests {
    /// A JAXB-style response with the payload as plain nested elements (synthetic values).
    static let nestedResponse = """
        <?xml version="1.0" encoding="UTF-8"?>
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
          <soap:Body>
            <ns2:SendMessageResponse xmlns:ns2="http://bip.bee.kz/SyncChannel/v10/Types">
              <response xmlns="">
                <responseInfo>
                  <messageId>b2c1e8a0-5d3f-4e61-9a7b-0c4d2e6f8a91</messageId>
                  <correlationId>bus-7781</correlationId>
                  <responseDate>2025-02-03T10:15:01.120+05:00</responseDate>
                  <status><code>SCSS001</code><message>Message has been processed successfully</message></status>
                  <sessionId>{9a7e2f10-0b6c-4d58-9e3a-52c1d0f4e8b7}</sessionId>
                </responseInfo>
                <responseData>
                  <data xmlns:p="urn:qorgan:mock:gbdfl:v1">
                    <p:persons><p:person><p:iin>150601500436</p:iin><p:surname>ЖҰМАБЕКОВ</p:surname></p:person></p:persons>
                  </data>
                </responseData>
              </response>
            </ns2:SendMessageResponse>
          </soap:Body>
        </soap:Envelope>
        """

    @Test("reads a response with a nested payload")
    func readsNestedResponse() throws {
        let response = try SendMessageResponse(envelope: SOAPEnvelope(parsing: Array(Self.nestedResponse.utf8)))
        #expect(response.info.messageId == "b2c1e8a0-5d3f-4e61-9a7b-0c4d2e6f8a91")
        #expect(response.info.correlationId == "bus-7781")
        #expect(response.info.status == .success)
        #expect(response.info.sessionId == "{9a7e2f10-0b6c-4d58-9e3a-52c1d0f4e8b7}")
        guard case .received(let data) = try #require(response.payload) else { Issue.record("not received"); return }
        #expect(data.style == .nested)
        let persons = try data.payloadRoot()
        #expect(persons.hasName(namespace: "urn:qorgan:mock:gbdfl:v1", localName: "persons"))
        let person = try #require(persons.firstChild(namespace: "urn:qorgan:mock:gbdfl:v1", localName: "person"))
        #expect(person.childText(namespace: "urn:qorgan:mock:gbdfl:v1", localName: "surname") == "ЖҰМАБЕКОВ")
    }

    @Test("round-trips a request with a typed nested payload, fields in schema order")
    func roundTripsNestedRequest() throws {
        let bytes = try Samples.request().envelope()
        let text = String(decoding: bytes, as: UTF8.self)
        let order = ["<messageId>", "<serviceId>", "<messageDate>", "<sender>", "<properties>", "<sessionId>", "<requestData>"]
        let positions = order.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())

        let request = try SendMessageRequest(envelope: SOAPEnvelope(parsing: bytes))
        #expect(request.info == Samples.request().info)
        guard case .received(let data) = try #require(request.payload) else { Issue.record("not received"); return }
        #expect(data.style == .nested)
        #expect(data.xsiType?.namespace == Samples.payloadNS)
        #expect(data.xsiType?.localName == "PersonRequest")
        #expect(try data.payloadRoot().childText(namespace: Samples.payloadNS, localName: "iin") == "150601500436")
    }

    @Test("round-trips a request whose payload is an escaped XML string")
    func roundTripsEscapedRequest() throws {
        let inner = Array(#"<?xml version="1.0" encoding="UTF-8"?><p:PersonRequest xmlns:p="urn:qorgan:mock:gbdfl:v1"><p:iin>150601500436</p:iin><p:note>a &amp; b</p:note></p:PersonRequest>"#.utf8)
        let bytes = try Samples.request(payload: .escapedXML(inner)).envelope()
        #expect(String(decoding: bytes, as: UTF8.self).contains("&lt;p:PersonRequest"))
        let request = try SendMessageRequest(envelope: SOAPEnvelope(parsing: bytes))
        guard case .received(let data) = try #require(request.payload) else { Issue.record("not received"); return }
        #expect(data.style == .escapedString)
        #expect(data.xsiType?.namespace == "http://www.w3.org/2001/XMLSchema")
        #expect(Array(data.text.utf8) == inner)
        let root = try data.payloadRoot()
        #expect(root.childText(namespace: Samples.payloadNS, localName: "note") == "a & b")
    }

    @Test("writes a received payload back in the style it arrived in")
    func rewritesReceivedPayloads() throws {
        for original in [Samples.request(), Samples.request(payload: .escapedXML(Array("<x>1</x>".utf8)))] {
            let first = try SendMessageRequest(envelope: SOAPEnvelope(parsing: original.envelope()))
            let second = try SendMessageRequest(envelope: SOAPEnvelope(parsing: first.envelope()))
            guard case .received(let a) = first.payload, case .received(let b) = second.payload else {
                Issue.record("payload lost"); continue
            }
            #expect(a.style == b.style)
            #expect(try a.payloadRoot().exclusiveCanonicalization() == b.payloadRoot().exclusiveCanonicalization())
        }
    }

    @Test("applies the safety limits to the escaped inner document")
    func limitsInnerDocument() throws {
        let hostile = Array(#"<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"#.utf8)
        let request = try SendMessageRequest(envelope: SOAPEnvelope(parsing: Samples.request(payload: .escapedXML(hostile)).envelope()))
        guard case .received(let data) = try #require(request.payload) else { Issue.record("not received"); return }
        let error = try #require(throws: SOAPError.self) { try data.payloadRoot() }
        #expect(error.xmlError == .documentTypeForbidden)

        let deep = Array((String(repeating: "<a>", count: 20) + String(repeating: "</a>", count: 20)).utf8)
        let deepRequest = try SendMessageRequest(envelope: SOAPEnvelope(parsing: Samples.request(payload: .escapedXML(deep)).envelope()))
        guard case .received(let deepData) = try #require(deepRequest.payload) else { Issue.record("not received"); return }
        var strict = XMLParserConfiguration.default
        strict.maximumDepth = 10
        #expect(try #require(throws: SOAPError.self) { try deepData.payloadRoot(configuration: strict) }.xmlError == .depthLimitExceeded)
    }

    @Test("accepts data in the Interfaces namespace")
    func acceptsInterfacesData() throws {
        let text = Self.nestedResponse.replacingOccurrences(
            of: #"<data xmlns:p="urn:qorgan:mock:gbdfl:v1">"#,
            with: #"<i:data xmlns:i="http://bip.bee.kz/SyncChannel/v10/Interfaces" xmlns:p="urn:qorgan:mock:gbdfl:v1">"#
        ).replacingOccurrences(of: "</data>", with: "</i:data>")
        let response = try SendMessageResponse(envelope: SOAPEnvelope(parsing: Array(text.utf8)))
        guard case .received(let data) = try #require(response.payload) else { Issue.record("not received"); return }
        #expect(try data.payloadRoot().localName == "persons")
    }

    @Test("names the missing required field")
    func namesMissingField() throws {
        let text = Self.nestedResponse.replacingOccurrences(of: "<responseDate>2025-02-03T10:15:01.120+05:00</responseDate>", with: "")
        let error = try #require(throws: SOAPError.self) { try SendMessageResponse(envelope: SOAPEnvelope(parsing: Array(text.utf8))) }
        #expect(error == .missingElement)
        #expect(error.element == "responseInfo/responseDate")
        #expect(throws: SOAPError.unexpectedContent) {
            try SendMessageRequest(envelope: SOAPEnvelope(parsing: Array(Self.nestedResponse.utf8)))
        }
    }

    @Test("round-trips the SyncChannel fault with nested ErrorInfo")
    func roundTripsFault() throws {
        let info = SyncChannelFault.ErrorInfo(
            errorCode: "MOCK-TIMEOUT", errorMessage: "Provider timeout", errorData: "<x>", errorDate: "2025-02-03T10:15:05.000+05:00",
            subError: .init(errorCode: "999", errorMessage: "cause", errorDate: "2025-02-03T10:15:04.000+05:00"),
            sessionId: "{9a7e2f10-0b6c-4d58-9e3a-52c1d0f4e8b7}")
        let bytes = SyncChannelFault(errorInfo: info).envelope()
        let envelope = try SOAPEnvelope(parsing: bytes)
        let fault = try #require(try SyncChannelFault(envelope: envelope))
        #expect(fault.fault.code == .server)
        #expect(fault.fault.string == "Provider timeout")
        #expect(fault.errorInfo == info)
        #expect(fault.errorInfo?.subError?.errorCode == "999")
        #expect(throws: SOAPError.unexpectedContent) { try SendMessageResponse(envelope: envelope) }
        #expect(try SyncChannelFault(envelope: SOAPEnvelope(parsing: Array(Self.nestedResponse.utf8))) == nil)
    }

    @Test("never prints the sender password")
    func masksPassword() {
        #expect(!"\(Samples.request().info.sender)".contains("not-a-real-password"))
        #expect(!String(describing: Samples.request().info).contains("not-a-real-password"))
    }
}
