import XMLSupport

/// ``XMLWriter``'s claim that its output is already its exclusive canonical form: the input bytes drive a sequence of
/// writer calls (elements, namespace declarations, attributes, text, fragments); whenever the writer vouches for
/// what it wrote, the bytes must parse and equal both the Swift canonicalizer's output and libxml2's.
enum XMLWriterFuzzTarget: FuzzTarget {
    static let name = "xmlwriter"

    private static let names = ["a", "b", "Id", "data", "p-q", "_u", "Body", "z.z"]
    private static let prefixes: [String?] = [nil, "a", "b", "soap", "wsu", "xml", "xmlns", "ds"]
    private static let uris = ["urn:x", "urn:y", "http://example.com/ns#", "https://e.kz/v1/", "relative/path", "urn:a&b", ""]

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var reader = OperationReader(bytes: bytes)
        var writer = XMLWriter(emptyElementsAsTagPairs: reader.next() % 8 != 0)
        writer.startElement(reader.pick(names), prefix: reader.pick(prefixes))
        var operations = 0
        // Declarations and attributes only while a start tag is open (the writer's precondition).
        var startTagOpen = true
        while !reader.isAtEnd, operations < 256 {
            operations += 1
            let operation = reader.next() % 8
            if operation != 1 && operation != 2 && operation != 7 { startTagOpen = false }
            switch operation {
            case 0 where writer.depth < 32:
                writer.startElement(reader.pick(names), prefix: reader.pick(prefixes))
                startTagOpen = true
            case 1 where startTagOpen:
                writer.declareNamespace(prefix: reader.pick(prefixes), uri: reader.pick(uris))
            case 2 where startTagOpen:
                let local = reader.pick(names)
                writer.attribute(local, prefix: reader.pick(prefixes), value: reader.text())
            case 3:
                writer.text(reader.text())
            case 4 where writer.depth > 1:
                writer.endElement()
            case 5:
                let local = reader.pick(names)
                let prefix = reader.pick(prefixes)
                let uri = reader.pick(uris)
                let content = reader.text()
                writer.fragment(
                    XMLFragment { inner in
                        inner.startElement(local, prefix: prefix)
                        if let prefix { inner.declareNamespace(prefix: prefix, uri: uri) }
                        inner.text(content)
                        inner.endElement()
                    })
            case 6:
                writer.element(reader.pick(names), text: reader.text())
            default:
                break
            }
        }
        writer.endAll()
        guard writer.isExclusiveCanonical else { return }
        let written = writer.bytes
        let text = String(decoding: written.prefix(400), as: UTF8.self)
        guard let document = try? XMLDocument(parsing: written) else {
            preconditionFailure("XMLWriter vouched for bytes that do not parse: \(text)")
        }
        let swift = try? document.root.exclusiveCanonicalization()
        let reference = try? document.root.referenceExclusiveCanonicalization { Array($0) }
        guard swift == written, reference == written else {
            let ours = swift.map { String(decoding: $0.prefix(400), as: UTF8.self) } ?? "refused"
            let theirs = reference.map { String(decoding: $0.prefix(400), as: UTF8.self) } ?? "refused"
            preconditionFailure("XMLWriter vouched for bytes that are not their canonical form: \(text)\nours:    \(ours)\nlibxml2: \(theirs)")
        }
    }
}

/// Reads writer operations from fuzzer bytes; past the end every read is 0.
private struct OperationReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    var isAtEnd: Bool { position >= bytes.count }

    mutating func next() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// The element of `list` the next byte names (modulo its count).
    mutating func pick<Element>(_ list: [Element]) -> Element {
        list[Int(next()) % list.count]
    }

    /// A length byte, then that many bytes (at most 16) as UTF-8, invalid sequences repaired.
    mutating func text() -> String {
        let count = min(Int(next()) % 17, bytes.count - min(position, bytes.count))
        let slice = UnsafeBufferPointer(rebasing: bytes[position..<(position + count)])
        position += count
        return String(decoding: slice, as: UTF8.self)
    }
}
