import XMLSupport

/// The hardened libxml2 parser and exclusive canonicalization: whatever parses must canonicalize to the same bytes
/// with the Swift canonicalizer and with libxml2's reference implementation.
enum XMLFuzzTarget: FuzzTarget {
    static let name = "xml"

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let document = try? XMLDocument(parsing: UnsafeRawBufferPointer(bytes)) else { return }
        let root = document.root
        _ = root.subtreeElements.reduce(0) { count, element in count + element.attributes.count }
        let swift = try? root.exclusiveCanonicalization()
        let reference = try? root.referenceExclusiveCanonicalization { Array($0) }
        if let swift, let reference, swift != reference {
            let ours = String(decoding: swift.prefix(400), as: UTF8.self)
            let theirs = String(decoding: reference.prefix(400), as: UTF8.self)
            preconditionFailure("exclusive C14N differs from libxml2's (\(swift.count) vs \(reference.count) bytes)\nours:   \(ours)\nlibxml2: \(theirs)")
        }
    }
}
