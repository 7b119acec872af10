import Testing
import XMLSupport

/// Finding attributes by name in a subtree, as the signature check looks for id attributes.
struct SubtreeAttributesTests {
    @Test("matches by namespace and local name, in document order, only inside the subtree")
    func findsInOrder() throws {
        let document = try XMLDocument(parsing: """
            <r xmlns:u="urn:u" Id="0"><a Id="1" id="2" x="3"><b u:Id="4" ID="5"/><c/></a><d Id="6" u:Id="7" v:Id="8" xmlns:v="urn:v"/></r>
            """)
        let names: [(namespace: String?, localName: String)] = [(nil, "Id"), (nil, "id"), ("urn:u", "Id")]
        let all = document.root.subtreeAttributes(named: names)
        #expect(all.map(\.value) == ["0", "1", "2", "4", "6", "7"])
        #expect(all.map(\.element.localName) == ["r", "a", "a", "b", "d", "d"])
        let a = try #require(document.root.firstChild(namespace: nil, localName: "a"))
        #expect(a.subtreeAttributes(named: names).map(\.value) == ["1", "2", "4"])
        #expect(document.root.subtreeAttributes(named: [(nil, "missing")]).isEmpty)
        #expect(document.root.subtreeAttributes(named: []).isEmpty)
    }
}
