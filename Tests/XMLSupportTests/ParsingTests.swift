import Testing
import XMLSupport

private let soapNS = "http://schemas.xmlsoap.org/soap/envelope/"
private let typesNS = "http://bip.bee.kz/SyncChannel/v10/Types"

struct ParsingTests {
    private let sample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/">
          <S:Body>
            <t:SendMessageResponse xmlns:t="http://bip.bee.kz/SyncChannel/v10/Types">
              <response xmlns="">
                <responseInfo kind="sync" xmlns:x="urn:x" x:flag="yes">
                  <messageId>m-1</messageId>
                  <note>a &amp; b &lt; c <![CDATA[<raw>]]> — Қазақстан</note>
                  <!-- comment --><empty/>
                </responseInfo>
              </response>
            </t:SendMessageResponse>
          </S:Body>
        </S:Envelope>
        """

    @Test("navigates by namespace URI and local name whatever the prefix")
    func navigatesByNamespace() throws {
        let document = try XMLDocument(parsing: sample)
        #expect(document.root.hasName(namespace: soapNS, localName: "Envelope"))
        #expect(document.root.prefix == "S")
        let body = try #require(document.root.firstChild(namespace: soapNS, localName: "Body"))
        let response = try #require(body.firstChild(namespace: typesNS, localName: "SendMessageResponse"))
        #expect(response.namespaceURI == typesNS)
        #expect(body.firstChild(namespace: nil, localName: "SendMessageResponse") == nil)
        let inner = try #require(response.firstChild(namespace: nil, localName: "response"))
        #expect(inner.namespaceURI == nil)
        let info = try #require(inner.firstChild(namespace: nil, localName: "responseInfo"))
        #expect(info.childText(namespace: nil, localName: "messageId") == "m-1")
        #expect(info.childElements.map(\.localName) == ["messageId", "note", "empty"])
        #expect(info.parent?.localName == "response")
        #expect(document.root.parent == nil)
    }

    @Test("decodes predefined entities, CDATA and non-ASCII text")
    func decodesText() throws {
        let document = try XMLDocument(parsing: sample)
        let note = try #require(
            document.root.firstChild(namespace: soapNS, localName: "Body")?.firstChildElement?.firstChildElement?
                .firstChildElement?.firstChild(namespace: nil, localName: "note"))
        #expect(note.text == "a & b < c <raw> — Қазақстан")
        #expect(note.firstChildElement == nil)
        #expect(note.hasChildElements == false)
    }

    @Test("reads attributes by namespace, unprefixed attributes having no namespace")
    func readsAttributes() throws {
        let document = try XMLDocument(parsing: sample)
        let info = try #require(
            document.root.firstChildElement?.firstChildElement?.firstChildElement?.firstChildElement)
        #expect(info.localName == "responseInfo")
        #expect(info.attribute(localName: "kind") == "sync")
        #expect(info.attribute(namespace: "urn:x", localName: "flag") == "yes")
        #expect(info.attribute(localName: "flag") == nil)
        #expect(info.attribute(namespace: "urn:other", localName: "flag") == nil)
        #expect(info.attributes.count == 2)
        #expect(info.namespaceURI(forPrefix: "x") == "urn:x")
        #expect(info.namespaceURI(forPrefix: "S") == soapNS)
        #expect(info.namespaceURI(forPrefix: "nope") == nil)
    }

    @Test("lists repeated children in document order")
    func listsChildren() throws {
        let document = try XMLDocument(parsing: "<persons><person>1</person><x/><person>2</person></persons>")
        #expect(document.root.children(namespace: nil, localName: "person").map(\.text) == ["1", "2"])
    }

    @Test("parses from bytes, array slices and raw buffers alike")
    func parsesFromSeveralInputs() throws {
        let bytes = Array("<a>1</a>".utf8)
        #expect(try XMLDocument(parsing: bytes).root.text == "1")
        #expect(try XMLDocument(parsing: bytes[...]).root.text == "1")
        #expect(try bytes.withUnsafeBytes { try XMLDocument(parsing: $0) }.root.text == "1")
    }

    @Test("keeps the document alive while an element is held")
    func elementKeepsDocumentAlive() throws {
        func leaf() throws -> XMLElement {
            try #require(try XMLDocument(parsing: "<a><b>kept</b></a>").root.firstChildElement)
        }
        let element = try leaf()
        #expect(element.text == "kept")
        #expect(element.document.root.localName == "a")
    }

    @Test("parses concurrently from many tasks")
    func parsesConcurrently() async throws {
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<64 {
                group.addTask { try XMLDocument(parsing: "<a><b>\(index)</b></a>").root.firstChildElement?.text ?? "" }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(texts.count == 64)
    }
}
