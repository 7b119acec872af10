import Testing

@testable import XMLSupport

/// ``XMLWriter/isExclusiveCanonical``: when the writer vouches for its bytes they are exactly the tree
/// canonicalizer's output, and every shape it cannot be sure of makes it stop vouching.
struct CanonicalFormTrackerTests {
    private func treeCanonical(_ bytes: [UInt8]) throws -> [UInt8] {
        try XMLDocument(parsing: bytes).root.exclusiveCanonicalization()
    }

    /// The shape a signer writes: a SOAP Body with a payload fragment that declares its own namespace.
    private func soapBody(_ extra: (inout XMLWriter) -> Void = { _ in }) -> XMLWriter {
        var writer = XMLWriter(emptyElementsAsTagPairs: true)
        writer.startElement("Body", prefix: "soap")
        writer.declareNamespace(prefix: "soap", uri: "http://schemas.xmlsoap.org/soap/envelope/")
        writer.declareNamespace(prefix: "wsu", uri: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd")
        writer.attribute("Id", prefix: "wsu", value: "id-1")
        writer.startElement("SendMessage", prefix: "typ")
        writer.declareNamespace(prefix: "typ", uri: "http://bip.bee.kz/SyncChannel/v10/Types")
        writer.startElement("request")
        writer.element("messageId", text: "a&b<c>d\"e'f\r\n\tg Қазақ 🏅 \u{1}")
        writer.startElement("data")
        writer.fragment(
            XMLFragment { inner in
                inner.startElement("PersonRequest", prefix: "p")
                inner.declareNamespace(prefix: "p", uri: "urn:qorgan:gbdfl:v1")
                inner.element("iin", prefix: "p", text: "850415300121")
                inner.startElement("empty")
                inner.endElement()
                inner.endElement()
            })
        extra(&writer)
        writer.endElement()
        writer.startElement("documents")
        writer.endElement()
        writer.endElement()
        writer.endElement()
        writer.endElement()
        return writer
    }

    @Test("vouches for a SOAP Body with a payload fragment, and the bytes are the tree's canonical form")
    func vouchesForSOAPBody() throws {
        let writer = soapBody()
        #expect(writer.isExclusiveCanonical)
        #expect(try treeCanonical(writer.bytes) == writer.bytes)
        #expect(try XMLCanonicalization.exclusive(ofWritten: writer) == writer.bytes)
    }

    @Test("vouches for attributes in canonical order: unqualified by name, then by namespace URI and name")
    func vouchesForOrderedAttributes() throws {
        var writer = XMLWriter(emptyElementsAsTagPairs: true)
        writer.startElement("r", prefix: "z")
        writer.declareNamespace(prefix: "a", uri: "urn:z")
        writer.declareNamespace(prefix: "z", uri: "urn:a")
        writer.attribute("b", value: "1")
        writer.attribute("c", value: "&<\"\t\n\r'")
        writer.attribute("k", prefix: "z", value: "2")
        writer.attribute("j", prefix: "a", value: "3")
        writer.endElement()
        #expect(writer.isExclusiveCanonical)
        #expect(try treeCanonical(writer.bytes) == writer.bytes)
    }

    /// A tag-pair writer holding `<a …>…</a>`, with `body` writing the start tag's rest and the content.
    private static func element(prefix: String? = nil, _ body: (inout XMLWriter) throws -> Void) rethrows -> XMLWriter {
        var writer = XMLWriter(emptyElementsAsTagPairs: true)
        writer.startElement("a", prefix: prefix)
        try body(&writer)
        writer.endAll()
        return writer
    }

    /// Each shape the writer must stop vouching for, by name.
    private static let unvouchedShapes: [String: @Sendable () throws -> XMLWriter] = [
        "self-closing": {
            var writer = XMLWriter()
            writer.element("a", text: "x")
            return writer
        },
        "declaration": {
            var writer = XMLWriter(xmlDeclaration: true, emptyElementsAsTagPairs: true)
            writer.element("a", text: "x")
            return writer
        },
        "default namespace": { element { $0.declareNamespace(prefix: nil, uri: "urn:d") } },
        "redundant declaration": {
            element(prefix: "p") {
                $0.declareNamespace(prefix: "p", uri: "urn:p")
                $0.startElement("b", prefix: "p")
                $0.declareNamespace(prefix: "p", uri: "urn:p")
            }
        },
        "unsorted declarations": {
            element(prefix: "q") {
                $0.declareNamespace(prefix: "q", uri: "urn:q")
                $0.declareNamespace(prefix: "p", uri: "urn:p")
                $0.attribute("x", prefix: "p", value: "1")
            }
        },
        "declaration after attribute": {
            element(prefix: "p") {
                $0.attribute("x", value: "1")
                $0.declareNamespace(prefix: "p", uri: "urn:p")
            }
        },
        "prefix used only in a value": {
            element {
                $0.declareNamespace(prefix: "p", uri: "urn:p")
                $0.declareNamespace(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")
                $0.attribute("type", prefix: "xsi", value: "p:PersonRequest")
            }
        },
        "undeclared prefix": { element { $0.element("b", prefix: "p", text: "x") } },
        "xml attribute": { element { $0.attribute("lang", prefix: "xml", value: "kk") } },
        "unordered attributes": {
            element {
                $0.attribute("y", value: "1")
                $0.attribute("x", value: "2")
            }
        },
        "repeated attribute": {
            element {
                $0.attribute("x", value: "1")
                $0.attribute("x", value: "2")
            }
        },
        "greater-than in a value": { element { $0.attribute("x", value: "1>2") } },
        "raw UTF-8 text": { element { $0.text(utf8: Array("x".utf8)) } },
        "validated fragment": { try element { $0.fragment(try XMLFragment(validating: Array("<b></b>".utf8))) } },
        "fragment redeclaring a bound prefix": {
            element(prefix: "p") {
                $0.declareNamespace(prefix: "p", uri: "urn:p")
                $0.fragment(
                    XMLFragment { inner in
                        inner.startElement("b", prefix: "p")
                        inner.declareNamespace(prefix: "p", uri: "urn:p")
                        inner.endElement()
                    })
            }
        },
        "relative namespace URI": { element(prefix: "p") { $0.declareNamespace(prefix: "p", uri: "relative/path") } },
        "ampersand in a namespace URI": { element(prefix: "p") { $0.declareNamespace(prefix: "p", uri: "urn:a&b") } },
    ]

    @Test("stops vouching for every shape it cannot be sure of", arguments: unvouchedShapes.keys.sorted())
    func givesUp(shape: String) throws {
        let build = try #require(Self.unvouchedShapes[shape])
        let writer = try build()
        #expect(!writer.isExclusiveCanonical)
        // The caller still gets the canonical form, from the canonicalizer (or the parser's refusal).
        #expect((try? XMLCanonicalization.exclusive(ofWritten: writer)) == (try? treeCanonical(writer.bytes)))
    }

    @Test("does not vouch beyond the parse limits; the canonicalizer refuses as the parser does")
    func respectsLimits() throws {
        let writer = soapBody()
        var configuration = XMLParserConfiguration.default
        configuration.maximumDepth = 4
        #expect(throws: XMLError.self) { try XMLCanonicalization.exclusive(ofWritten: writer, configuration: configuration) }
        configuration = .default
        configuration.maximumAttributes = 2
        #expect(throws: XMLError.self) { try XMLCanonicalization.exclusive(ofWritten: writer, configuration: configuration) }
        configuration = .default
        configuration.maximumDocumentSize = writer.bytes.count - 1
        #expect(throws: XMLError.self) { try XMLCanonicalization.exclusive(ofWritten: writer, configuration: configuration) }
    }

    @Test("writes U+FFFE and U+FFFF as U+FFFD, so the output stays well-formed")
    func replacesNonCharacters() throws {
        var writer = XMLWriter(emptyElementsAsTagPairs: true)
        writer.startElement("a")
        writer.attribute("v", value: "x\u{FFFE}y")
        writer.text("\u{FFFF}z\u{FFFD}\u{FFEF}")
        writer.endElement()
        let document = try XMLDocument(parsing: writer.bytes)
        #expect(document.root.attribute(localName: "v") == "x\u{FFFD}y")
        #expect(document.root.text == "\u{FFFD}z\u{FFFD}\u{FFEF}")
        #expect(writer.isExclusiveCanonical)
        #expect(try treeCanonical(writer.bytes) == writer.bytes)
    }

    @Test("on 2,000 seeded random documents, whatever the writer vouches for is the tree's canonical form")
    func matchesTreeWhenVouching() throws {
        var generator = TrackedRandomDocument(seed: 0x7A6C)
        var vouched = 0
        for _ in 0..<2000 {
            let writer = generator.document()
            let tree = try treeCanonical(writer.bytes)
            if writer.isExclusiveCanonical {
                vouched += 1
                #expect(writer.bytes == tree, "\(String(decoding: writer.bytes, as: UTF8.self))")
            }
            #expect(try XMLCanonicalization.exclusive(ofWritten: writer) == tree)
        }
        // Both outcomes are exercised in earnest.
        #expect(vouched > 300)
        #expect(vouched < 1900)
    }
}

/// Seeded random documents, most of them written the way a signer writes (declarations where used, in order), some
/// breaking one rule or another.
private struct TrackedRandomDocument {
    private var draws: SeededDraws
    private let prefixes = ["a", "b", "soap", "typ", "xsi"]
    private let uris = ["urn:x", "urn:y", "http://example.com/ns#", "https://e.kz/v1/", "urn:x"]
    private let names = ["e", "f", "Id", "id", "z", "A", "data", "p-q"]
    private let texts = ["", "t", " ", "&", "<", ">", "\"", "'", "\r", "\t", "\n", "Қазақ", "🏅", "]]>", "\u{1}", "\u{FFFE}"]

    init(seed: UInt64) { draws = SeededDraws(seed: seed) }

    private mutating func next(_ bound: Int) -> Int { draws.next(bound) }

    /// One element of `list`, or `nil` when it is empty.
    private mutating func pick<Element>(_ list: [Element]) -> Element? {
        list.isEmpty ? nil : list[next(list.count)]
    }

    mutating func document() -> XMLWriter {
        var writer = XMLWriter(emptyElementsAsTagPairs: next(20) != 0)
        element(into: &writer, inScope: [:], depth: 0)
        return writer
    }

    private mutating func text() -> String {
        (0..<next(3)).map { _ in texts[next(texts.count)] }.joined()
    }

    private mutating func element(into writer: inout XMLWriter, inScope: [String: String], depth: Int) {
        var scope = inScope
        // Usually a fresh prefix for the element itself, declared on it; sometimes an unbound or re-declared one.
        let fresh = prefixes.filter { scope[$0] == nil }
        var declarations: [(String, String)] = []
        var prefix: String?
        let kind = next(8)
        if kind < 3, !fresh.isEmpty {
            let chosen = fresh[next(fresh.count)]
            prefix = chosen
            declarations.append((chosen, uris[next(uris.count)]))
        } else if kind == 3, !scope.isEmpty {
            prefix = scope.keys.sorted()[next(scope.count)]
        } else if kind == 4, next(4) == 0 {
            let chosen = prefixes[next(prefixes.count)]
            prefix = chosen
            declarations.append((chosen, uris[next(uris.count)]))
        }
        // An attribute prefix, declared here, and now and then a declaration nothing uses.
        if next(4) == 0, let extra = pick(prefixes.filter { scope[$0] == nil && $0 != prefix }) {
            declarations.append((extra, uris[next(uris.count)]))
        }
        if next(10) != 0 { declarations.sort { $0.0 < $1.0 } }
        for (declared, uri) in declarations { scope[declared] = uri }
        writer.startElement(names[next(names.count)], prefix: prefix)
        for (declared, uri) in declarations { writer.declareNamespace(prefix: declared, uri: uri) }
        var attributes: [(prefix: String?, local: String, uri: String)] = []
        var used = Set<String>()
        for _ in 0..<next(4) {
            let local = names[next(names.count)]
            if next(2) == 0, let (declared, uri) = pick(declarations) {
                guard used.insert("\(uri) \(local)").inserted else { continue }
                attributes.append((declared, local, uri))
            } else {
                guard used.insert(" \(local)").inserted else { continue }
                attributes.append((nil, local, ""))
            }
        }
        if next(10) != 0 { attributes.sort { ($0.uri, $0.local) < ($1.uri, $1.local) } }
        for attribute in attributes { writer.attribute(attribute.local, prefix: attribute.prefix, value: text()) }
        let children = depth < 4 ? next(4) : 0
        for _ in 0..<children {
            writer.text(text())
            if next(6) == 0 {
                let uri = uris[next(uris.count)]
                let local = names[next(names.count)]
                let inner = prefixes[next(prefixes.count)]
                let content = text()
                writer.fragment(
                    XMLFragment { fragment in
                        fragment.startElement(local, prefix: inner)
                        fragment.declareNamespace(prefix: inner, uri: uri)
                        fragment.text(content)
                        fragment.endElement()
                    })
            } else {
                element(into: &writer, inScope: scope, depth: depth + 1)
            }
        }
        writer.endElement()
    }
}
