/// Writes well-formed UTF-8 XML straight into a byte buffer.
///
/// Start an element, add namespace declarations and attributes, then content; end elements in reverse
/// order. Text is escaped (`&`, `<`, `>`, and `\r` as `&#xD;` so it survives parsing); attribute values also
/// escape `"`, `\t`, `\n`, `\r` as character references. Characters XML 1.0 cannot carry (C0 controls other
/// than tab, LF, CR; U+FFFE, U+FFFF) are written as U+FFFD — a document is never made ill-formed by its data.
/// Element and attribute names are written as given: pass constant, valid XML names.
///
/// ```swift
/// var writer = XMLWriter()
/// writer.startElement("Envelope", prefix: "soap")
/// writer.declareNamespace(prefix: "soap", uri: "http://schemas.xmlsoap.org/soap/envelope/")
/// writer.element("messageId", text: id)
/// writer.endElement()
/// let bytes = writer.bytes
/// ```
public struct XMLWriter: Sendable {
    /// The UTF-8 output so far.
    public private(set) var bytes: [UInt8]

    /// Qualified names of the open elements, innermost last.
    /// The open elements' qualified names, as prefix and local name (joined only in the output bytes).
    private var openElements: [(prefix: String?, localName: String)] = []
    /// Whether the output starts with an XML declaration.
    let hasDeclaration: Bool
    /// Whether the last start tag still waits for its `>` (attributes may still be added).
    private var startTagOpen = false
    /// Whether an element without content is written `<a></a>` (as canonical XML has it) rather than `<a/>`.
    let emptyElementsAsTagPairs: Bool
    /// Whether the output is still its own exclusive canonical form.
    private(set) var canonicalForm: CanonicalFormTracker

    /// Creates an empty writer.
    ///
    /// - Parameters:
    ///   - xmlDeclaration: write `<?xml version="1.0" encoding="UTF-8"?>` first.
    ///   - reservingCapacity: bytes to reserve up front (avoids regrowth for messages of known size).
    ///   - emptyElementsAsTagPairs: write an element without content as `<a></a>`, as canonical XML does, instead
    ///     of `<a/>`. Default: `false`.
    public init(xmlDeclaration: Bool = false, reservingCapacity: Int = 1024, emptyElementsAsTagPairs: Bool = false) {
        bytes = []
        bytes.reserveCapacity(reservingCapacity)
        hasDeclaration = xmlDeclaration
        self.emptyElementsAsTagPairs = emptyElementsAsTagPairs
        canonicalForm = CanonicalFormTracker(emptyElementsAsTagPairs: emptyElementsAsTagPairs, xmlDeclaration: xmlDeclaration)
        if xmlDeclaration { bytes.append(contentsOf: #"<?xml version="1.0" encoding="UTF-8"?>"#.utf8) }
    }

    /// How many elements are open.
    public var depth: Int { openElements.count }

    /// Whether ``bytes`` are already their own Exclusive XML Canonicalization (without comments), so a signer may
    /// digest them as written. Only a writer created with `emptyElementsAsTagPairs` and without an XML declaration
    /// can say so, and only while every call keeps the plain canonical shape (namespaces declared where they are
    /// used, in prefix order; attributes in canonical order; no default namespace; see ``CanonicalFormTracker``).
    /// `false` means "not known", never "not canonical".
    public var isExclusiveCanonical: Bool { canonicalForm.isIntact }

    // MARK: - Elements

    /// Opens `<prefix:localName`; declarations and attributes may follow until content is written.
    public mutating func startElement(_ localName: String, prefix: String? = nil) {
        closeStartTag()
        bytes.append(UInt8(ascii: "<"))
        appendQualifiedName(prefix: prefix, localName: localName)
        openElements.append((prefix, localName))
        startTagOpen = true
        canonicalForm.startElement(prefix: prefix, depth: openElements.count)
    }

    /// Closes the innermost open element (as `<x/>` when it has no content, or `<x></x>` with `emptyElementsAsTagPairs`).
    public mutating func endElement() {
        guard let name = openElements.popLast() else {
            preconditionFailure("XMLWriter.endElement() without an open element")
        }
        if startTagOpen && !emptyElementsAsTagPairs {
            bytes.append(UInt8(ascii: "/"))
            bytes.append(UInt8(ascii: ">"))
            startTagOpen = false
            return
        }
        closeStartTag()
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        appendQualifiedName(prefix: name.prefix, localName: name.localName)
        bytes.append(UInt8(ascii: ">"))
        canonicalForm.endElement()
    }

    private mutating func appendQualifiedName(prefix: String?, localName: String) {
        if let prefix {
            bytes.append(contentsOf: prefix.utf8)
            bytes.append(UInt8(ascii: ":"))
        }
        bytes.append(contentsOf: localName.utf8)
    }

    /// Closes every open element.
    public mutating func endAll() {
        while !openElements.isEmpty { endElement() }
    }

    /// Writes `<prefix:localName>text</prefix:localName>`.
    public mutating func element(_ localName: String, prefix: String? = nil, text: String) {
        startElement(localName, prefix: prefix)
        self.text(text)
        endElement()
    }

    /// Writes the element only when `text` is not `nil`.
    public mutating func optionalElement(_ localName: String, prefix: String? = nil, text: String?) {
        if let text { element(localName, prefix: prefix, text: text) }
    }

    // MARK: - Start-tag content

    /// Declares `xmlns:prefix="uri"` (or `xmlns="uri"` for `prefix == nil`) on the open start tag.
    public mutating func declareNamespace(prefix: String?, uri: String) {
        canonicalForm.declareNamespace(prefix: prefix, uri: uri)
        if let prefix {
            writeAttribute(prefix, prefix: "xmlns", value: uri)
        } else {
            writeAttribute("xmlns", prefix: nil, value: uri)
        }
    }

    /// Adds `prefix:localName="value"` to the open start tag, escaping the value.
    public mutating func attribute(_ localName: String, prefix: String? = nil, value: String) {
        canonicalForm.attribute(localName: localName, prefix: prefix, value: value)
        writeAttribute(localName, prefix: prefix, value: value)
    }

    private mutating func writeAttribute(_ localName: String, prefix: String?, value: String) {
        precondition(startTagOpen, "XMLWriter.attribute(_:) after the start tag was closed")
        bytes.append(UInt8(ascii: " "))
        if let prefix {
            bytes.append(contentsOf: prefix.utf8)
            bytes.append(UInt8(ascii: ":"))
        }
        bytes.append(contentsOf: localName.utf8)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(value, inAttribute: true)
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: - Content

    /// Writes character data, escaped.
    public mutating func text(_ text: String) {
        closeStartTag()
        appendEscaped(text, inAttribute: false)
    }

    /// Writes UTF-8 bytes as character data, escaped (e.g. a whole XML document as an escaped string).
    public mutating func text(utf8 raw: some Collection<UInt8>) {
        closeStartTag()
        // The bytes are not known to be valid UTF-8.
        canonicalForm.giveUp()
        if let done: Void = raw.withContiguousStorageIfAvailable({ appendEscaped($0, inAttribute: false) }) {
            return done
        }
        Array(raw).withUnsafeBufferPointer { appendEscaped($0, inAttribute: false) }
    }

    /// Inserts a well-formed fragment verbatim.
    public mutating func fragment(_ fragment: XMLFragment) {
        closeStartTag()
        canonicalForm.fragment(fragment.canonicalShape, depth: openElements.count)
        bytes.append(contentsOf: fragment.bytes)
    }

    // MARK: - Escaping

    private mutating func closeStartTag() {
        if startTagOpen {
            bytes.append(UInt8(ascii: ">"))
            startTagOpen = false
            canonicalForm.closeStartTag()
        }
    }

    private mutating func appendEscaped(_ string: String, inAttribute: Bool) {
        var string = string
        string.withUTF8 { appendEscaped($0, inAttribute: inAttribute) }
    }

    /// Whether any of the eight bytes in `word` is below 0x20, `"`, `&`, `<`, `>` or 0xEF — the bytes the escaper
    /// looks at (exact: no byte is missed, and only those bytes count).
    @inline(__always)
    static func wordNeedsAttention(_ word: UInt64) -> Bool {
        EscapeScan.hasMarkupByte(word) || EscapeScan.contains(word, 0xEF)
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, inAttribute: Bool) {
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            // Fastest path: eight bytes at a time while none of them needs a look.
            if let base = utf8.baseAddress, index + 8 <= count,
                !Self.wordNeedsAttention(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = utf8[index]
            // Fast path: most bytes need nothing.
            if byte != 0xEF
                && (byte > UInt8(ascii: ">") || (byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<")
                    && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\"")))
            {
                index += 1
                continue
            }
            if byte == 0xEF {
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
                if index + 2 < count, utf8[index + 1] == 0xBF, utf8[index + 2] & 0xFE == 0xBE {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    index += 3
                    runStart = index
                } else {
                    index += 1
                }
                continue
            }
            let replacement: StaticString?
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = inAttribute ? "&quot;" : nil
            case 0x09: replacement = inAttribute ? "&#x9;" : nil
            case 0x0A: replacement = inAttribute ? "&#xA;" : nil
            case 0x0D: replacement = "&#xD;"
            case 0x00..<0x20: replacement = "\u{FFFD}"
            default: replacement = nil
            }
            if let replacement {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                bytes.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            index += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
    }
}
