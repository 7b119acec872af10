import Testing
import XMLSupport

struct WriterTests {
    @Test("escapes text and attribute values so they parse back unchanged")
    func escapesAndRoundTrips() throws {
        let tricky = "a & b < c > d \"q\" 'a' \t tab \n line \r cr ]]> Қазақ 🙂"
        var writer = XMLWriter(xmlDeclaration: true)
        writer.startElement("root", prefix: "p")
        writer.declareNamespace(prefix: "p", uri: "urn:p")
        writer.declareNamespace(prefix: nil, uri: "urn:default")
        writer.attribute("v", value: tricky)
        writer.element("child", text: tricky)
        writer.endElement()
        let document = try XMLDocument(parsing: writer.bytes)
        #expect(document.root.hasName(namespace: "urn:p", localName: "root"))
        #expect(document.root.attribute(localName: "v") == tricky)
        let child = try #require(document.root.firstChild(namespace: "urn:default", localName: "child"))
        #expect(child.text == tricky)
    }

    @Test("writes the exact escaped bytes")
    func writesExactBytes() {
        var writer = XMLWriter()
        writer.startElement("a")
        writer.attribute("x", value: "1\"2<3&4\t5\n6\r")
        writer.text("<&>\"\r\n")
        writer.startElement("empty")
        writer.endElement()
        writer.endElement()
        #expect(String(decoding: writer.bytes, as: UTF8.self)
            == "<a x=\"1&quot;2&lt;3&amp;4&#x9;5&#xA;6&#xD;\">&lt;&amp;&gt;\"&#xD;\n<empty/></a>")
    }

    @Test("replaces characters XML cannot carry instead of writing ill-formed output")
    func replacesControlCharacters() throws {
        var writer = XMLWriter()
        writer.element("a", text: "x\u{0}y\u{1B}z")
        let document = try XMLDocument(parsing: writer.bytes)
        #expect(document.root.text == "x\u{FFFD}y\u{FFFD}z")
    }

    @Test("writes an XML document as an escaped string and reads it back")
    func escapesWholeDocuments() throws {
        let inner = Array(#"<?xml version="1.0" encoding="UTF-8"?><p:x xmlns:p="urn:p">a&amp;b</p:x>"#.utf8)
        var writer = XMLWriter()
        writer.startElement("data")
        writer.text(utf8: inner)
        writer.endElement()
        let document = try XMLDocument(parsing: writer.bytes)
        #expect(Array(document.root.text.utf8) == inner)
    }

    @Test("embeds fragments and checks foreign ones")
    func embedsFragments() throws {
        let fragment = XMLFragment { writer in
            writer.startElement("iin", prefix: "p")
            writer.declareNamespace(prefix: "p", uri: "urn:p")
            writer.text("150601500436")
            writer.endElement()
        }
        var writer = XMLWriter()
        writer.startElement("data")
        writer.fragment(fragment)
        writer.endElement()
        let document = try XMLDocument(parsing: writer.bytes)
        #expect(document.root.childText(namespace: "urn:p", localName: "iin") == "150601500436")
        #expect(throws: XMLError.self) { try XMLFragment(validating: Array("<a><b></a>".utf8)) }
        #expect(throws: XMLError.invalidFragment) { try XMLFragment(validating: Array("<?xml version=\"1.0\"?><a/>".utf8)) }
        #expect(try XMLFragment(validating: Array("<a/>".utf8)).bytes == Array("<a/>".utf8))
    }

    @Test("writes empty elements as tag pairs when asked, which is their canonical form")
    func writesTagPairs() throws {
        func write(_ writer: inout XMLWriter) {
            writer.startElement("a", prefix: "p")
            writer.declareNamespace(prefix: "p", uri: "urn:p")
            writer.startElement("b", prefix: "p")
            writer.attribute("x", value: "1")
            writer.endElement()
            writer.startElement("c")
            writer.endElement()
            writer.element("d", text: "t")
            writer.endElement()
        }
        var compact = XMLWriter()
        write(&compact)
        #expect(String(decoding: compact.bytes, as: UTF8.self) == #"<p:a xmlns:p="urn:p"><p:b x="1"/><c/><d>t</d></p:a>"#)
        var pairs = XMLWriter(emptyElementsAsTagPairs: true)
        write(&pairs)
        let text = #"<p:a xmlns:p="urn:p"><p:b x="1"></p:b><c></c><d>t</d></p:a>"#
        #expect(String(decoding: pairs.bytes, as: UTF8.self) == text)
        #expect(try XMLDocument(parsing: pairs.bytes).root.exclusiveCanonicalization() == pairs.bytes)
    }
}
