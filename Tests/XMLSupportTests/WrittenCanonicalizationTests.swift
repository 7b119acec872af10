import Testing

@testable import XMLSupport

/// The canonicalization of written bytes (no tree) against the tree canonicalizer, byte for byte; and the shapes it
/// must leave to the parser.
struct WrittenCanonicalizationTests {
    /// The tree's canonical form of the root element of `bytes`.
    private func treeCanonical(_ bytes: [UInt8]) throws -> [UInt8] {
        try XMLDocument(parsing: bytes).root.exclusiveCanonicalization()
    }

    @Test(
        "renders hand-written edge cases exactly as the tree canonicalizer, without parsing",
        arguments: [
            #"<r xmlns="urn:d"><t:q xmlns:t="urn:t"><u xmlns="">1<v/></u><w>2</w></t:q></r>"#,
            #"<a:r xmlns:a="urn:a" xmlns:b="urn:b"><a:c b:x="1" x="2" a:y="3"><b:d xmlns:b="urn:other" b:x="4"/></a:c></a:r>"#,
            #"<r xmlns:z="urn:a" xmlns:a="urn:z"><e a:k="1" z:k="2" k="3" z:b="4"/></r>"#,
            #"<r xml:lang="kk"><e xml:lang="ru" xml:space="preserve">т</e><f/></r>"#,
            "<r>a&amp;b&lt;c&gt;d\"e'f&#xD;g&#x9;h&#xA;i&#38;&#x3C;&#62;&apos;&quot;j>k\tl\nm</r>",
            "<r a=\"&lt;&amp;&gt;&quot;'&#x9;&#xA;&#xD;>\" b='\"' c='&apos;'/>",
            #"<r xmlns="urn:d" xmlns:p="urn:d"><p:e><e p:a="1"/></p:e></r>"#,
            #"<r xmlns:p="urn:p"><p:e xmlns:p="urn:p"><p:f xmlns:p="urn:q"><p:g/></p:f></p:e></r>"#,
            #"<soap:Body xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" wsu:Id="id-1"><typ:SendMessage xmlns:typ="http://bip.bee.kz/SyncChannel/v10/Types"><request><data xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:p="urn:qorgan:mock:gbdfl:v1" xsi:type="p:PersonRequest"><p:iin>850415300121</p:iin></data></request></typ:SendMessage></soap:Body>"#,
            "<r a=\"Әйел\">Жүсіпбек Ұлы 🏅</r>",
            #"<r xmlns:a="http://example.com/x#frag" xmlns:b="urn:x:y:z" xmlns:c="https://h-1.example.kz/p/q;r=s"><a:e b:u="" c:v=""/></r>"#,
            "<r  b = \"1\"\n\ta='2' ><e\n/></r >",
            "<r xmlns:a=\"urn:a\"><a:e/><e a:x=\"1\"></e></r>",
            "<r>&#x10FFFF;&#xFFFD;a]b]>c</r>",
        ])
    func matchesTree(text: String) throws {
        let bytes = Array(text.utf8)
        let written = try #require(WrittenXMLCanonicalizer.canonicalize(bytes), "fell back to the parser")
        #expect(written == (try treeCanonical(bytes)))
        #expect(try XMLCanonicalization.exclusive(of: bytes) == written)
    }

    @Test(
        "leaves to the parser what it does not handle, with the same result",
        arguments: [
            "<r><!-- c --><e/></r>",
            "<r><?pi data?></r>",
            "<r><![CDATA[<&>]]></r>",
            "<r>a\r\nb</r>",
            "<r a=\"x\ty\"/>",
            "<r a=\"x\ny\"/>",
            "<Фамилия>т</Фамилия>",
            #"<r xmlns:p="relative/path"><p:e/></r>"#,
            #"<r xmlns:p="http://host:8080/x"><p:e/></r>"#,
            #"<r xmlns:p="urn:a&amp;b"><p:e/></r>"#,
            #"<r xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:lang="kk"/>"#,
            "<r/> ",
            " <r/>",
        ])
    func fallsBack(text: String) throws {
        let bytes = Array(text.utf8)
        #expect(WrittenXMLCanonicalizer.canonicalize(bytes) == nil)
        // The same bytes or the same refusal (a relative namespace URI cannot be canonicalized at all).
        #expect((try? XMLCanonicalization.exclusive(of: bytes)) == (try? treeCanonical(bytes)))
    }

    @Test(
        "does not answer for what is not one well-formed element; the parser decides",
        arguments: [
            "<r><e></r>",
            "<r>",
            "<r a=\"1\" a=\"2\"/>",
            #"<r xmlns:p="urn:a" xmlns:p="urn:b"/>"#,
            #"<r xmlns:p="urn:a" xmlns:q="urn:a" p:x="1" q:x="2"/>"#,
            "<p:r/>",
            "<r>&unknown;</r>",
            "<r>&#0;</r>",
            "<r>&#xD800;</r>",
            "<r>a]]>b</r>",
            "<r a=\"1\"b=\"2\"/>",
            "<?xml version=\"1.0\"?><r/>",
            "<!DOCTYPE r><r/>",
            "<r/><s/>",
            "<r>\u{1}</r>",
            "<r a=\"<\"/>",
            #"<r xmlns:p=""/>"#,
        ])
    func refusesIllFormed(text: String) throws {
        let bytes = Array(text.utf8)
        #expect(WrittenXMLCanonicalizer.canonicalize(bytes) == nil)
        // Whatever the parser makes of it (an error, or for the XML declaration a document) is the answer.
        #expect((try? XMLCanonicalization.exclusive(of: bytes)) == (try? treeCanonical(bytes)))
    }

    @Test("refuses invalid UTF-8 and forbidden characters in text and attribute values")
    func refusesBadBytes() {
        let cases: [[UInt8]] = [
            Array("<r>".utf8) + [0xC0, 0xAF] + Array("</r>".utf8),  // overlong '/'
            Array("<r>".utf8) + [0xED, 0xA0, 0x80] + Array("</r>".utf8),  // a surrogate
            Array("<r>".utf8) + [0xEF, 0xBF, 0xBE] + Array("</r>".utf8),  // U+FFFE
            Array("<r a=\"".utf8) + [0xE2, 0x82] + Array("\"/>".utf8),  // truncated
            Array("<r>".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("</r>".utf8),  // past U+10FFFF
        ]
        for bytes in cases {
            #expect(WrittenXMLCanonicalizer.canonicalize(bytes) == nil)
            #expect(throws: XMLError.self) { try XMLCanonicalization.exclusive(of: bytes) }
        }
    }

    @Test("refuses what is over the configuration's limits, as the parser does")
    func respectsLimits() {
        var configuration = XMLParserConfiguration.default
        configuration.maximumDepth = 3
        configuration.maximumAttributes = 2
        configuration.maximumTextSize = 8
        let deep = Array("<a><b><c><d/></c></b></a>".utf8)
        let manyAttributes = Array(#"<a x="1" y="2" z="3"/>"#.utf8)
        let longText = Array("<a>123456789</a>".utf8)
        for bytes in [deep, manyAttributes, longText] {
            #expect(WrittenXMLCanonicalizer.canonicalize(bytes, configuration: configuration) == nil)
            #expect(throws: XMLError.self) { try XMLCanonicalization.exclusive(of: bytes, configuration: configuration) }
            #expect(WrittenXMLCanonicalizer.canonicalize(bytes) != nil)
        }
    }

    @Test("matches the tree canonicalizer on 500 seeded random documents written by XMLWriter")
    func matchesTreeOnWrittenDocuments() throws {
        var generator = WrittenRandomDocument(seed: 0xC14E)
        var fastPaths = 0
        for _ in 0..<500 {
            let bytes = generator.document()
            let tree = try treeCanonical(bytes)
            if let written = WrittenXMLCanonicalizer.canonicalize(bytes) {
                fastPaths += 1
                #expect(written == tree, "\(String(decoding: bytes, as: UTF8.self))")
            }
            #expect(try XMLCanonicalization.exclusive(of: bytes) == tree)
        }
        // Everything XMLWriter writes is in the plain shape.
        #expect(fastPaths == 500)
    }
}

/// Seeded random documents written with ``XMLWriter``: nested namespaces (declared, redeclared, default namespace set
/// and unset), qualified and unqualified attributes, `xml:` attributes, fragments, text with every escaped character.
private struct WrittenRandomDocument {
    private var draws: SeededDraws
    private let prefixes = ["a", "b", "c", "xsi", "soap"]
    private let uris = ["urn:x", "urn:y", "http://example.com/ns#", "https://e.kz/v1/", "urn:x"]
    private let names = ["e", "f", "Id", "id", "z", "A", "data", "p-q", "r.s", "_u"]
    private let texts = [
        "", "t", " ", "&", "<", ">", "\"", "'", "\r", "\t", "\n", "Қазақ", "a&b<c>d", "🏅", "]]>", "x\r\ny", "\u{7F}",
    ]

    init(seed: UInt64) { draws = SeededDraws(seed: seed) }

    private mutating func next(_ bound: Int) -> Int { draws.next(bound) }

    mutating func document() -> [UInt8] {
        var writer = XMLWriter(emptyElementsAsTagPairs: next(2) == 0)
        element(into: &writer, inScope: [:], hasDefault: false, depth: 0)
        return writer.bytes
    }

    private mutating func text() -> String {
        (0..<next(3)).map { _ in texts[next(texts.count)] }.joined()
    }

    private mutating func element(into writer: inout XMLWriter, inScope: [String: String], hasDefault: Bool, depth: Int) {
        var scope = inScope
        var declarations: [(String?, String)] = []
        for prefix in prefixes where next(4) == 0 {
            let uri = uris[next(uris.count)]
            scope[prefix] = uri
            declarations.append((prefix, uri))
        }
        var defaultDeclared = hasDefault
        switch next(6) {
        case 0:
            declarations.append((nil, uris[next(uris.count)]))
            defaultDeclared = true
        case 1 where hasDefault:
            declarations.append((nil, ""))
            defaultDeclared = false
        default:
            break
        }
        let usable = scope.keys.sorted()
        let prefix: String? = usable.isEmpty || next(2) == 0 ? nil : usable[next(usable.count)]
        writer.startElement(names[next(names.count)], prefix: prefix)
        for (declaredPrefix, uri) in declarations { writer.declareNamespace(prefix: declaredPrefix, uri: uri) }
        var used = Set<String>()
        for _ in 0..<next(4) {
            let local = names[next(names.count)]
            // Distinct local names keep two prefixes bound to one URI from clashing.
            guard used.insert(local).inserted else { continue }
            let kind = next(5)
            if kind == 0 {
                guard used.insert("xml:lang").inserted else { continue }
                writer.attribute("lang", prefix: "xml", value: text())
            } else if kind <= 2, !usable.isEmpty {
                writer.attribute(local, prefix: usable[next(usable.count)], value: text())
            } else {
                writer.attribute(local, value: text())
            }
        }
        let children = depth < 4 ? next(4) : 0
        for _ in 0..<children {
            writer.text(text())
            if next(5) == 0 {
                // A fragment written on its own, declaring what it uses.
                let uri = uris[next(uris.count)]
                let local = names[next(names.count)]
                let content = text()
                writer.fragment(
                    XMLFragment { inner in
                        inner.startElement(local, prefix: "frag")
                        inner.declareNamespace(prefix: "frag", uri: uri)
                        inner.text(content)
                        inner.endElement()
                    })
            } else {
                element(into: &writer, inScope: scope, hasDefault: defaultDeclared, depth: depth + 1)
            }
        }
        writer.text(text())
        writer.endElement()
    }
}
