internal import CLibXML2

/// Exclusive XML Canonicalization 1.0 without comments of one whole element subtree, written in Swift over the
/// libxml2 tree — the fast path behind ``XMLElement/withExclusiveCanonicalization(inclusiveNamespacePrefixes:_:)``.
///
/// It renders exactly what libxml2's `xmlC14NExecute` (`XML_C14N_EXCLUSIVE_1_0`, subtree node set) renders, rule for
/// rule (`c14n.c`, libxml2 2.9): a namespace is declared on an element when the element or one of its attributes
/// visibly uses its prefix (`xml` never) and the nearest output ancestor did not already render the same prefix with
/// the same URI — `xmlns=""` when an unqualified element sits under a rendered non-empty default namespace;
/// declarations sorted by prefix (default first), attributes by namespace URI (unqualified first) then local name;
/// empty elements as start/end tag pairs; comments dropped; text escapes `&`, `<`, `>` and CR, attribute values `&`,
/// `<`, `"`, TAB, LF and CR. The speed comes from
/// walking only the subtree (libxml2 walks the whole document and asks a visibility callback about every node,
/// attribute and namespace) and from writing into one growing byte buffer without intermediate strings.
///
/// What it does not handle it reports as ``Outcome/unsupported`` and the caller then asks libxml2: an
/// `InclusiveNamespaces` prefix list (never passed here), a node kind other than element, text, CDATA, comment and
/// processing instruction (entity references, XInclude markers). A document with a namespace declaration anywhere
/// that is not a plain absolute URI never comes here (``XMLDocument`` notes that while parsing): C14N 1.0 must fail
/// on relative namespace URIs, libxml2 fails on one anywhere in the document, and its URI parser is the judge.
/// The tests check both implementations against each other byte for byte.
struct ExclusiveCanonicalizer {
    /// Whether the subtree was canonicalized.
    enum Outcome {
        /// ``output`` holds the canonical form.
        case done
        /// The subtree needs a feature this implementation leaves to libxml2.
        case unsupported
    }

    /// A namespace rendered (or found already rendered) for an output ancestor: its prefix (`nil` for the default
    /// namespace) and URI (`nil` for "no namespace").
    private struct Binding {
        let prefix: UnsafePointer<xmlChar>?
        let href: UnsafePointer<xmlChar>?
    }

    /// The canonical bytes written so far.
    private(set) var output: [UInt8]
    /// Bindings in effect in the output, innermost last; each element truncates back to its entry length on exit.
    private var inEffect: [Binding] = []
    /// Scratch: bindings to declare on the current element.
    private var pending: [Binding] = []
    /// Scratch: the current element's attributes, to sort.
    private var attributes: [xmlAttrPtr] = []

    /// Creates a canonicalizer whose output buffer starts with `capacity` bytes reserved.
    init(reservingCapacity capacity: Int) {
        output = []
        output.reserveCapacity(capacity)
    }

    /// Canonicalizes the subtree rooted at `root` into ``output``.
    ///
    mutating func canonicalize(_ root: xmlNodePtr) -> Outcome {
        element(root)
    }

    // MARK: - Nodes

    private mutating func element(_ node: xmlNodePtr) -> Outcome {
        let scope = inEffect.count

        // Namespaces the element visibly uses: its own (or the empty default), then its attributes' prefixes.
        pending.removeAll(keepingCapacity: true)
        if let ns = node.pointee.ns {
            if !Self.isXMLNamespace(ns) { use(Binding(prefix: ns.pointee.prefix, href: ns.pointee.href)) }
        } else {
            use(Binding(prefix: nil, href: nil))
        }
        attributes.removeAll(keepingCapacity: true)
        var attribute = node.pointee.properties
        while let current = attribute {
            attributes.append(current)
            if let ns = current.pointee.ns, !Self.isXMLNamespace(ns) {
                use(Binding(prefix: ns.pointee.prefix, href: ns.pointee.href))
            }
            attribute = current.pointee.next
        }

        // Start tag.
        output.append(UInt8(ascii: "<"))
        appendQualifiedName(node.pointee.name, ns: node.pointee.ns)
        if pending.count > 1 { pending.sort { Self.compare($0.prefix, $1.prefix) < 0 } }
        for binding in pending {
            output.append(contentsOf: binding.prefix == nil ? Self.xmlnsDefault : Self.xmlnsPrefixed)
            if let prefix = binding.prefix {
                appendCString(prefix)
                output.append(UInt8(ascii: "="))
            }
            output.append(UInt8(ascii: "\""))
            if let href = binding.href { appendEscaped(href, mode: .attribute) }
            output.append(UInt8(ascii: "\""))
        }
        if attributes.count > 1 { attributes.sort(by: Self.attributeOrder) }
        for current in attributes {
            output.append(UInt8(ascii: " "))
            appendQualifiedName(current.pointee.name, ns: current.pointee.ns)
            output.append(UInt8(ascii: "="))
            output.append(UInt8(ascii: "\""))
            var child = current.pointee.children
            while let text = child {
                guard text.pointee.type == XML_TEXT_NODE else { return .unsupported }
                if let content = text.pointee.content { appendEscaped(content, mode: .attribute) }
                child = text.pointee.next
            }
            output.append(UInt8(ascii: "\""))
        }
        output.append(UInt8(ascii: ">"))

        // Content.
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if case .unsupported = element(current) { return .unsupported }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { appendEscaped(content, mode: .text) }
            case XML_COMMENT_NODE:
                break
            case XML_PI_NODE:
                output.append(UInt8(ascii: "<"))
                output.append(UInt8(ascii: "?"))
                appendCString(current.pointee.name)
                if let content = current.pointee.content, content.pointee != 0 {
                    output.append(UInt8(ascii: " "))
                    appendEscaped(content, mode: .processingInstruction)
                }
                output.append(UInt8(ascii: "?"))
                output.append(UInt8(ascii: ">"))
            default:
                return .unsupported
            }
            child = current.pointee.next
        }

        // End tag.
        output.append(UInt8(ascii: "<"))
        output.append(UInt8(ascii: "/"))
        appendQualifiedName(node.pointee.name, ns: node.pointee.ns)
        output.append(UInt8(ascii: ">"))
        inEffect.removeSubrange(scope...)
        return .done
    }

    /// Records that the current element uses `binding`: it is declared unless the innermost binding in effect for
    /// the same prefix has the same URI (no binding at all counts as the empty default namespace, "no namespace").
    private mutating func use(_ binding: Binding) {
        for index in inEffect.indices.reversed() where Self.equal(inEffect[index].prefix, binding.prefix) {
            if Self.equal(inEffect[index].href, binding.href) { return }
            return declare(binding)
        }
        if binding.prefix == nil || binding.prefix?.pointee == 0, binding.href == nil || binding.href?.pointee == 0 { return }
        declare(binding)
    }

    private mutating func declare(_ binding: Binding) {
        inEffect.append(binding)
        pending.append(binding)
    }

    // MARK: - Output

    private enum EscapeMode {
        case text
        case attribute
        case processingInstruction
    }

    private static let xmlnsDefault: [UInt8] = Array(" xmlns=".utf8)
    private static let xmlnsPrefixed: [UInt8] = Array(" xmlns:".utf8)

    private mutating func appendQualifiedName(_ name: UnsafePointer<xmlChar>?, ns: xmlNsPtr?) {
        if let prefix = ns?.pointee.prefix, prefix.pointee != 0 {
            appendCString(prefix)
            output.append(UInt8(ascii: ":"))
        }
        if let name { appendCString(name) }
    }

    private mutating func appendCString(_ string: UnsafePointer<xmlChar>) {
        output.append(contentsOf: UnsafeBufferPointer(start: string, count: Int(xmlStrlen(string))))
    }

    /// Appends a NUL-terminated UTF-8 string with the escapes C14N prescribes for `mode`.
    private mutating func appendEscaped(_ string: UnsafePointer<xmlChar>, mode: EscapeMode) {
        var runStart = string
        var cursor = string
        // Whole words of harmless bytes are skipped eight at a time, within the string's length (never past its NUL).
        let end = string + Int(xmlStrlen(string))
        while true {
            if end - cursor >= 8, !EscapeScan.hasMarkupByte(UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self)) {
                cursor += 8
                continue
            }
            let byte = cursor.pointee
            if byte == 0 { break }
            // Bytes above '>' and printable ASCII other than the special ones pass through.
            if byte > UInt8(ascii: ">") || (byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<")
                && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\""))
            {
                cursor += 1
                continue
            }
            let replacement: StaticString? =
                switch (byte, mode) {
                case (UInt8(ascii: "&"), .text), (UInt8(ascii: "&"), .attribute): "&amp;"
                case (UInt8(ascii: "<"), .text), (UInt8(ascii: "<"), .attribute): "&lt;"
                case (UInt8(ascii: ">"), .text): "&gt;"
                case (UInt8(ascii: "\""), .attribute): "&quot;"
                case (0x09, .attribute): "&#x9;"
                case (0x0A, .attribute): "&#xA;"
                case (0x0D, _): "&#xD;"
                default: nil
                }
            if let replacement {
                output.append(contentsOf: UnsafeBufferPointer(start: runStart, count: cursor - runStart))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = cursor + 1
            }
            cursor += 1
        }
        output.append(contentsOf: UnsafeBufferPointer(start: runStart, count: cursor - runStart))
    }

    // MARK: - Rules

    /// `scheme ":"`, then either `"//" host` (letters, digits, `-`, `.`; no user or port) and a path, or a path
    /// without authority; the path of RFC 3986 `pchar`s (no percent-escapes) and `/`, optionally one `#` and a
    /// fragment of the same characters — a subset of what libxml2's RFC 3986 parser accepts, so every URI accepted
    /// here has a scheme in libxml2's eyes too.
    static func isPlainAbsoluteURI(_ href: UnsafePointer<xmlChar>) -> Bool {
        isPlainAbsoluteURI(UnsafeBufferPointer(start: href, count: Int(xmlStrlen(href))))
    }

    /// The same rule over bytes without a terminating NUL (a NUL byte among them fails it).
    static func isPlainAbsoluteURI(_ href: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func at(_ position: Int) -> UInt8 { position < href.count ? href[position] : 0 }
        guard isLetter(at(index)) else { return false }
        index += 1
        while isLetter(at(index)) || isDigit(at(index)) || at(index) == UInt8(ascii: "+") || at(index) == UInt8(ascii: "-")
            || at(index) == UInt8(ascii: ".")
        {
            index += 1
        }
        guard at(index) == UInt8(ascii: ":") else { return false }
        index += 1
        if at(index) == UInt8(ascii: "/") && at(index + 1) == UInt8(ascii: "/") {
            index += 2
            let hostStart = index
            while isLetter(at(index)) || isDigit(at(index)) || at(index) == UInt8(ascii: "-") || at(index) == UInt8(ascii: ".") {
                index += 1
            }
            guard index != hostStart, index == href.count || at(index) == UInt8(ascii: "/") || at(index) == UInt8(ascii: "#")
            else { return false }
        }
        var seenFragment = false
        while index < href.count {
            let byte = href[index]
            if byte == UInt8(ascii: "#") {
                if seenFragment { return false }
                seenFragment = true
            } else if !isPathCharacterByTable(byte) {
                return false
            }
            index += 1
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// RFC 3986 `pchar` without `pct-encoded` and without `&`, plus `/`. An `&` in a namespace declaration is kept in
    /// libxml2's tree as the text `&#38;`, which libxml2's C14N writes as it is and an escaping canonicalizer would
    /// write as `&amp;#38;`: such a URI is left to libxml2, so every canonicalizer here agrees with it (and xmlsec1).
    static func isPathCharacter(_ byte: UInt8) -> Bool {
        if isLetter(byte) || isDigit(byte) { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),  // unreserved
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),  // sub-delims
            UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// ``isPathCharacter(_:)`` as two 64-bit sets (bytes 0–63, 64–127): namespace URIs are checked on every parse.
    private static let pathCharacterSets: (low: UInt64, high: UInt64) = {
        var sets: (low: UInt64, high: UInt64) = (0, 0)
        for byte in UInt8(0)..<128 where isPathCharacter(byte) {
            if byte < 64 { sets.low |= 1 << UInt64(byte) } else { sets.high |= 1 << UInt64(byte - 64) }
        }
        return sets
    }()

    @inline(__always)
    static func isPathCharacterByTable(_ byte: UInt8) -> Bool {
        if byte < 64 { return pathCharacterSets.low >> UInt64(byte) & 1 != 0 }
        if byte < 128 { return pathCharacterSets.high >> UInt64(byte - 64) & 1 != 0 }
        return false
    }

    private static let xmlPrefix: [UInt8] = Array("xml".utf8) + [0]
    private static let xmlNamespaceURI: [UInt8] = Array("http://www.w3.org/XML/1998/namespace".utf8) + [0]

    /// The `xml` prefix bound to its fixed URI: never declared.
    private static func isXMLNamespace(_ ns: xmlNsPtr) -> Bool {
        guard let prefix = ns.pointee.prefix, let href = ns.pointee.href else { return false }
        return xmlPrefix.withUnsafeBufferPointer { xmlStrEqual(prefix, $0.baseAddress) != 0 }
            && xmlNamespaceURI.withUnsafeBufferPointer { xmlStrEqual(href, $0.baseAddress) != 0 }
    }

    /// Byte order of two optional strings, `nil` and `""` first (as libxml2's `xmlStrcmp` after its `NULL` checks).
    private static func compare(_ lhs: UnsafePointer<xmlChar>?, _ rhs: UnsafePointer<xmlChar>?) -> Int32 {
        switch (lhs, rhs) {
        case (nil, nil): 0
        case (nil, let rhs?): rhs.pointee == 0 ? 0 : -1
        case (let lhs?, nil): lhs.pointee == 0 ? 0 : 1
        case (let lhs?, let rhs?): xmlStrcmp(lhs, rhs)
        }
    }

    private static func equal(_ lhs: UnsafePointer<xmlChar>?, _ rhs: UnsafePointer<xmlChar>?) -> Bool {
        lhs == rhs || compare(lhs, rhs) == 0
    }

    /// Unqualified attributes first, then by namespace URI; within one namespace by local name.
    private static func attributeOrder(_ lhs: xmlAttrPtr, _ rhs: xmlAttrPtr) -> Bool {
        let lhsNamespace = lhs.pointee.ns?.pointee.href
        let rhsNamespace = rhs.pointee.ns?.pointee.href
        let byNamespace = compare(lhsNamespace, rhsNamespace)
        if byNamespace != 0 { return byNamespace < 0 }
        return compare(lhs.pointee.name, rhs.pointee.name) < 0
    }
}
