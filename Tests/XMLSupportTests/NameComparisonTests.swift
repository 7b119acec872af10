import Testing

@testable import XMLSupport

/// Element and attribute names are matched byte for byte against libxml2's NUL-terminated strings.
struct NameComparisonTests {
    static func equal(_ cString: [UInt8], _ string: String) -> Bool {
        (cString + [0]).withUnsafeBufferPointer { XMLElement.equal($0.baseAddress!, string) }
    }

    @Test("equal only when every byte and the length agree")
    func cases() {
        #expect(Self.equal([], ""))
        #expect(Self.equal(Array("Body".utf8), "Body"))
        #expect(Self.equal(Array("ЖТ".utf8), "ЖТ"))
        #expect(!Self.equal([], "a"))
        #expect(!Self.equal(Array("a".utf8), ""))
        #expect(!Self.equal(Array("Body".utf8), "Bod"))
        #expect(!Self.equal(Array("Bod".utf8), "Body"))
        #expect(!Self.equal(Array("body".utf8), "Body"))
        #expect(!Self.equal(Array("Boda".utf8), "Body"))
        // A Swift string with a NUL inside never equals a C string, which ends at its first NUL.
        #expect(!Self.equal(Array("a".utf8), "a\u{0}"))
        #expect(!Self.equal(Array("a".utf8), "a\u{0}b"))
    }

    @Test("parsed names match by namespace and local name")
    func parsed() throws {
        let document = try XMLDocument(parsing: "<p:root xmlns:p=\"urn:p\"><child/><p:child a=\"1\"/></p:root>")
        #expect(document.root.hasName(namespace: "urn:p", localName: "root"))
        #expect(!document.root.hasName(namespace: "urn:p", localName: "roo"))
        #expect(!document.root.hasName(namespace: "urn:pp", localName: "root"))
        #expect(!document.root.hasName(namespace: nil, localName: "root"))
        #expect(document.root.firstChild(namespace: nil, localName: "child") != nil)
        #expect(document.root.firstChild(namespace: "urn:p", localName: "child")?.attribute(localName: "a") == "1")
        #expect(document.root.firstChild(namespace: "urn:p", localName: "chil") == nil)
    }
}
