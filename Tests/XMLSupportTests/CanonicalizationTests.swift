import Testing
import XMLSupport

struct CanonicalizationTests {
    private func canonical(_ text: String, path: [String] = [], prefixes: [String] = []) throws -> String {
        var element = try XMLDocument(parsing: text).root
        for name in path {
            element = try #require(element.childElements.first { $0.localName == name })
        }
        return String(decoding: try element.exclusiveCanonicalization(inclusiveNamespacePrefixes: prefixes), as: UTF8.self)
    }

    @Test("keeps only visibly used namespaces and sorts attributes")
    func rendersVisiblyUsedNamespaces() throws {
        let text = """
            <a:Root xmlns:a="urn:a" xmlns:b="urn:b" xmlns:unused="urn:u" xmlns="urn:d"><a:Child z="2" b:attr="1" a="3" >text &amp; &lt; &gt; "q"</a:Child></a:Root>
            """
        #expect(try canonical(text, path: ["Child"])
            == #"<a:Child xmlns:a="urn:a" xmlns:b="urn:b" a="3" z="2" b:attr="1">text &amp; &lt; &gt; "q"</a:Child>"#)
    }

    @Test("expands empty elements, drops comments and the XML declaration, normalises attribute quoting")
    func normalisesSyntax() throws {
        let text = "<?xml version=\"1.0\"?>\n<r><!-- c --><e  x='a&#x9;b&quot;'/><f>&#xD;</f></r>"
        #expect(try canonical(text) == "<r><e x=\"a&#x9;b&quot;\"></e><f>&#xD;</f></r>")
    }

    @Test("includes the InclusiveNamespaces prefixes")
    func includesListedPrefixes() throws {
        let text = #"<r xmlns:keep="urn:keep" xmlns:drop="urn:drop"><c>1</c></r>"#
        #expect(try canonical(text, path: ["c"]) == "<c>1</c>")
        #expect(try canonical(text, path: ["c"], prefixes: ["keep"]) == #"<c xmlns:keep="urn:keep">1</c>"#)
    }

    @Test("is independent of where the subtree sits and of prefixes declared above it")
    func isContextIndependent() throws {
        let inContext = try canonical(
            #"<e:Env xmlns:e="urn:e" xmlns:w="urn:w" xmlns:x="urn:x"><e:Body w:Id="b1"><x:p>v</x:p></e:Body></e:Env>"#,
            path: ["Body"])
        let standalone = try canonical(#"<e:Body xmlns:e="urn:e" xmlns:w="urn:w" w:Id="b1"><x:p xmlns:x="urn:x">v</x:p></e:Body>"#)
        #expect(inContext == standalone)
        #expect(inContext == #"<e:Body xmlns:e="urn:e" xmlns:w="urn:w" w:Id="b1"><x:p xmlns:x="urn:x">v</x:p></e:Body>"#)
    }

    @Test("resets the default namespace when an unqualified child sits under one")
    func handlesDefaultNamespace() throws {
        let text = #"<r xmlns="urn:d"><t:q xmlns:t="urn:t"><u xmlns="">1</u></t:q></r>"#
        #expect(try canonical(text, path: ["q"]) == #"<t:q xmlns:t="urn:t"><u>1</u></t:q>"#)
    }
}
