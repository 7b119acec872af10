import Storage
import Testing

@Suite struct SubjectKeyTests {
    @Test func descriptionShowsOnlyAPrefix() {
        let key = SubjectKey(hex: String(repeating: "ab", count: 32))
        #expect(key.description == "subject:abababababab")
    }
}
