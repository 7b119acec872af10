import Testing

@testable import XMLSupport

/// The namespace-URI rule that decides between the Swift canonicalizer and libxml2's: its table form must be the rule.
struct PlainURIRuleTests {
    @Test("the path-character table agrees with the rule for every byte")
    func tableMatchesRule() {
        for byte in UInt8.min...UInt8.max {
            #expect(ExclusiveCanonicalizer.isPathCharacterByTable(byte) == ExclusiveCanonicalizer.isPathCharacter(byte), "byte \(byte)")
        }
    }

    @Test(
        "plain absolute URIs pass, anything libxml2 might read differently does not",
        arguments: [
            ("http://bip.bee.kz/SyncChannel/v10/Types", true), ("urn:qorgan:mock:gbdfl:v1", true),
            ("http://www.w3.org/2000/09/xmldsig#", true), ("urn:a#b#c", false), ("urn:a&b", false), ("urn:a%20b", false),
            ("relative/path", false), ("http://user@host/", false), ("http://host:80/", false), ("urn:ü", false), ("", false),
            ("urn:a b", false), ("1urn:x", false),
        ])
    func plainAbsolute(uri: String, plain: Bool) {
        var uri = uri
        #expect(uri.withUTF8 { ExclusiveCanonicalizer.isPlainAbsoluteURI($0) } == plain)
    }
}
