import Testing
import XMLSupport

/// Every hostile document must be refused with the right typed error, quickly, and the parser must keep
/// serving afterwards.
struct HostileInputTests {
    private static let good = "<ok><v>1</v></ok>"

    /// Asserts the document is refused with `expected` in well under a second, then that a good one parses.
    private func expectRefused(
        _ bytes: [UInt8],
        _ expected: XMLError,
        configuration: XMLParserConfiguration = .default,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let clock = ContinuousClock()
        let started = clock.now
        let error = #expect(throws: XMLError.self, sourceLocation: sourceLocation) {
            try XMLDocument(parsing: bytes, configuration: configuration)
        }
        let elapsed = clock.now - started
        #expect(error == expected, "got \(String(describing: error))", sourceLocation: sourceLocation)
        #expect(elapsed < .seconds(1), "took \(elapsed)", sourceLocation: sourceLocation)
        #expect((try? XMLDocument(parsing: Self.good).root.firstChildElement?.text) == "1", sourceLocation: sourceLocation)
    }

    private func expectRefused(
        _ text: String, _ expected: XMLError, configuration: XMLParserConfiguration = .default,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectRefused(Array(text.utf8), expected, configuration: configuration, sourceLocation: sourceLocation)
    }

    @Test("refuses an external file entity (XXE)")
    func refusesFileEntity() {
        expectRefused(
            #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"#,
            .documentTypeForbidden)
    }

    @Test("refuses a network entity and an external DTD without touching the network")
    func refusesNetworkEntity() {
        expectRefused(#"<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]><r>&x;</r>"#, .documentTypeForbidden)
        expectRefused(#"<!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd"><r/>"#, .documentTypeForbidden)
        expectRefused(#"<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p">%p;]><r/>"#, .documentTypeForbidden)
    }

    @Test("refuses billion laughs")
    func refusesBillionLaughs() {
        var dtd = #"<!ENTITY l0 "ha">"#
        for level in 1...9 {
            dtd += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        expectRefused("<!DOCTYPE r [\(dtd)]><r>&l9;</r>", .documentTypeForbidden)
    }

    @Test("refuses quadratic blowup")
    func refusesQuadraticBlowup() {
        let entity = String(repeating: "A", count: 50_000)
        let references = String(repeating: "&a;", count: 50_000)
        expectRefused("<!DOCTYPE r [<!ENTITY a \"\(entity)\">]><r>\(references)</r>", .documentTypeForbidden)
    }

    @Test("refuses an undeclared entity reference as malformed")
    func refusesUndeclaredEntity() {
        expectRefused("<r>&x;</r>", .malformed)
    }

    @Test("refuses undeclared namespace prefixes (found by the xml fuzz target: C14N of such trees is ill-defined)")
    func refusesUndeclaredPrefix() {
        expectRefused(#"<a xmlns="urn:x" xhlns:b="urn:b"><b:c b:d="1">t</b:c></a>"#, .malformed)
        expectRefused(#"<a><c p:d="1"/></a>"#, .malformed)
    }

    @Test("refuses 10,000-deep nesting at the depth limit")
    func refusesDeepNesting() {
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        expectRefused(deep, .depthLimitExceeded)
        var shallow = XMLParserConfiguration.default
        shallow.maximumDepth = 8
        expectRefused(String(repeating: "<a>", count: 9) + String(repeating: "</a>", count: 9), .depthLimitExceeded, configuration: shallow)
        #expect(throws: Never.self) {
            try XMLDocument(parsing: String(repeating: "<a>", count: 8) + String(repeating: "</a>", count: 8), configuration: shallow)
        }
    }

    @Test("refuses a 100 MB text node by size before parsing")
    func refusesHugeDocument() {
        var bytes = [UInt8](repeating: UInt8(ascii: "A"), count: 100 * 1024 * 1024)
        bytes.replaceSubrange(0..<3, with: Array("<a>".utf8))
        bytes.replaceSubrange((bytes.count - 4)..<bytes.count, with: Array("</a>".utf8))
        expectRefused(bytes, .documentTooLarge)
    }

    @Test("refuses a 20 MB text node by the text limit under a raised size limit")
    func refusesLongTextNode() {
        var bytes = [UInt8](repeating: UInt8(ascii: "A"), count: 20 * 1024 * 1024)
        bytes.replaceSubrange(0..<3, with: Array("<a>".utf8))
        bytes.replaceSubrange((bytes.count - 4)..<bytes.count, with: Array("</a>".utf8))
        var configuration = XMLParserConfiguration.default
        configuration.maximumDocumentSize = 32 * 1024 * 1024
        expectRefused(bytes, .textLimitExceeded, configuration: configuration)
    }

    @Test("refuses a long attribute value and too many attributes")
    func refusesAttributeAbuse() {
        var small = XMLParserConfiguration.default
        small.maximumTextSize = 100
        expectRefused("<a v=\"\(String(repeating: "x", count: 101))\"/>", .textLimitExceeded, configuration: small)
        let many = (0..<65).map { " a\($0)=\"1\"" }.joined()
        expectRefused("<a\(many)/>", .attributeLimitExceeded)
        let declarations = (0..<65).map { " xmlns:p\($0)=\"urn:\($0)\"" }.joined()
        expectRefused("<a\(declarations)/>", .attributeLimitExceeded)
    }

    @Test("refuses truncated documents with a position", arguments: [
        "<a><b>text</b>", "<a", "<a b=\"1", "<a><![CDATA[x", "<a></b>", "",
    ])
    func refusesTruncated(_ text: String) throws {
        let error = try #require(throws: XMLError.self) { try XMLDocument(parsing: text) }
        #expect(error == .malformed || error == .emptyDocument)
        if !text.isEmpty { #expect(error.line == 1) }
        #expect((try? XMLDocument(parsing: Self.good)) != nil)
    }

    @Test("refuses invalid UTF-8 under a UTF-8 declaration")
    func refusesInvalidUTF8() {
        var bytes = Array(#"<?xml version="1.0" encoding="UTF-8"?><a>"#.utf8)
        bytes += [0xC3, 0x28, 0xFF, 0xFE]
        bytes += Array("</a>".utf8)
        expectRefused(bytes, .malformed)
        expectRefused(Array("<a>".utf8) + [0xED, 0xA0, 0x80] + Array("</a>".utf8), .malformed)
    }

    @Test("refuses documents in other encodings")
    func refusesOtherEncodings() {
        var cp1251 = Array(#"<?xml version="1.0" encoding="windows-1251"?><a>"#.utf8)
        cp1251 += [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        cp1251 += Array("</a>".utf8)
        expectRefused(cp1251, .unsupportedEncoding)
        expectRefused([0xFF, 0xFE] + Array("<a/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, .unsupportedEncoding)
        expectRefused(#"<?xml version="1.0" encoding="X-NO-SUCH"?><a/>"#, .malformed)
    }

    @Test("refuses control characters and a missing root")
    func refusesOddities() {
        expectRefused(Array("<a>".utf8) + [0x01] + Array("</a>".utf8), .malformed)
        expectRefused("<!-- only a comment -->", .emptyDocument)
        expectRefused("<a/><b/>", .malformed)
    }

    @Test("errors expose a payload-free short description")
    func shortDescriptionHasNoPayload() throws {
        let error = try #require(throws: XMLError.self) { try XMLDocument(parsing: "<secret>1234567890</oops>") }
        #expect(error.shortDescription == "xml.malformed")
        #expect(!error.description.contains("1234567890"))
        #expect(error.libxml2Code != nil)
    }
}
