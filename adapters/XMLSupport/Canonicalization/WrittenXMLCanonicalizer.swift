/// Exclusive XML Canonicalization 1.0 (without comments) computed straight from serialized bytes, without building a
/// tree — for XML this process has just written (a Body about to be signed), where parsing it again with libxml2 only
/// to canonicalize it cost more than the canonicalization itself.
///
/// It renders what ``ExclusiveCanonicalizer`` renders over the parsed tree (the same rules: visibly used namespaces
/// declared where the nearest output ancestor did not render them, sorted by prefix; attributes unqualified first,
/// then by namespace URI and local name; tag pairs; the C14N escapes). It handles only the plain shape ``XMLWriter``
/// produces and answers `nil` for anything else, so the caller falls back to the parser: comments, processing
/// instructions, CDATA, a DOCTYPE or XML declaration, entity references other than the five predefined and numeric
/// ones, non-ASCII names, an undeclared prefix, a namespace URI that is not a plain absolute URI (or that contains a
/// reference), a literal CR anywhere or a literal TAB/LF in an attribute value (a parser normalises those),
/// characters XML 1.0 forbids, invalid UTF-8, duplicate attributes, anything not well-formed, and anything beyond
/// the parse limits of the configuration. The tests hold it byte for byte against the tree canonicalizer.
struct WrittenXMLCanonicalizer {
    /// A run of input bytes.
    private struct Span {
        var start: Int
        var count: Int
        static let empty = Span(start: 0, count: 0)
    }

    /// A namespace binding: prefix (empty for the default namespace) and URI (empty for "no namespace"). `isXML` marks
    /// the implicit `xml` binding, whose bytes are not in the input.
    private struct Binding {
        var prefix: Span
        var uri: Span
        var isXML = false
    }

    /// One attribute of the element being read.
    private struct Attribute {
        var qualifiedName: Span
        var localName: Span
        var namespace: Binding?
        var value: Span
    }

    private let input: UnsafeBufferPointer<UInt8>
    private let configuration: XMLParserConfiguration
    private var output: [UInt8] = []
    /// Declarations in scope in the input, innermost last, and the count at each open element's entry.
    private var declared: [Binding] = []
    /// Bindings rendered in the output, innermost last.
    private var rendered: [Binding] = []
    /// Open elements: qualified name and the scope counts to restore at their end.
    private var open: [(name: Span, declared: Int, rendered: Int)] = []
    private var attributes: [Attribute] = []
    private var pending: [Binding] = []
    private var position = 0

    private static let xmlURI: [UInt8] = Array("http://www.w3.org/XML/1998/namespace".utf8)

    /// The exclusive canonical form of the one element `bytes` hold, or `nil` when it needs the parser.
    static func canonicalize(_ bytes: [UInt8], configuration: XMLParserConfiguration = .default) -> [UInt8]? {
        guard !bytes.isEmpty, bytes.count <= configuration.maximumDocumentSize else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var canonicalizer = WrittenXMLCanonicalizer(input: buffer, configuration: configuration)
            canonicalizer.output.reserveCapacity(bytes.count + bytes.count / 8)
            return canonicalizer.run() ? canonicalizer.output : nil
        }
    }

    private init(input: UnsafeBufferPointer<UInt8>, configuration: XMLParserConfiguration) {
        self.input = input
        self.configuration = configuration
    }

    // MARK: - Structure

    private mutating func run() -> Bool {
        guard position < input.count, input[position] == UInt8(ascii: "<") else { return false }
        while true {
            // At '<': a start tag or an end tag.
            guard position + 1 < input.count else { return false }
            if input[position + 1] == UInt8(ascii: "/") {
                guard endTag() else { return false }
                if open.isEmpty { return position == input.count }
            } else {
                guard startTag() else { return false }
                if open.isEmpty { return position == input.count }
            }
            guard text() else { return false }
        }
    }

    /// Reads `<name attributes…>` or `<name …/>` at `position` and writes its canonical start tag (and end tag).
    private mutating func startTag() -> Bool {
        position += 1
        guard let name = readName() else { return false }
        guard open.count < configuration.maximumDepth else { return false }
        let declaredScope = declared.count
        attributes.removeAll(keepingCapacity: true)
        var selfClosing = false
        var attributeCount = 0
        while true {
            let hadSpace = skipSpace()
            guard position < input.count else { return false }
            let byte = input[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                guard position + 1 < input.count, input[position + 1] == UInt8(ascii: ">") else { return false }
                position += 2
                selfClosing = true
                break
            }
            guard hadSpace, let attributeName = readName() else { return false }
            skipSpace()
            guard position < input.count, input[position] == UInt8(ascii: "=") else { return false }
            position += 1
            skipSpace()
            guard let value = readAttributeValue() else { return false }
            attributeCount += 1
            guard attributeCount <= configuration.maximumAttributes else { return false }
            guard record(attributeName, value: value, scope: declaredScope) else { return false }
        }

        // Resolve names now that every declaration of this element is known.
        guard let elementBinding = resolveElement(name) else { return false }
        for index in attributes.indices {
            guard let namespace = resolveAttribute(attributes[index]) else { return false }
            attributes[index].namespace = namespace.binding
            attributes[index].localName = namespace.localName
        }
        guard attributesAreUnique() else { return false }

        // Namespaces the element visibly uses, as ExclusiveCanonicalizer decides them.
        let renderedScope = rendered.count
        pending.removeAll(keepingCapacity: true)
        if !elementBinding.isXML { use(elementBinding) }
        for attribute in attributes {
            if let binding = attribute.namespace, !binding.isXML { use(binding) }
        }

        output.append(UInt8(ascii: "<"))
        append(name)
        if pending.count > 1 {
            var sorted = pending
            sorted.sort { compare($0.prefix, $1.prefix) < 0 }
            pending = sorted
        }
        for binding in pending {
            if binding.prefix.count == 0 {
                output.append(contentsOf: " xmlns=\"".utf8)
            } else {
                output.append(contentsOf: " xmlns:".utf8)
                append(binding.prefix)
                output.append(contentsOf: "=\"".utf8)
            }
            append(binding.uri)
            output.append(UInt8(ascii: "\""))
        }
        if attributes.count > 1 {
            var sorted = attributes
            sorted.sort(by: attributeOrder)
            attributes = sorted
        }
        for attribute in attributes {
            output.append(UInt8(ascii: " "))
            append(attribute.qualifiedName)
            output.append(contentsOf: "=\"".utf8)
            guard appendDecoded(attribute.value, inAttribute: true) else { return false }
            output.append(UInt8(ascii: "\""))
        }
        output.append(UInt8(ascii: ">"))

        if selfClosing {
            appendEndTag(name)
            declared.removeSubrange(declaredScope...)
            rendered.removeSubrange(renderedScope...)
        } else {
            open.append((name, declaredScope, renderedScope))
        }
        return true
    }

    /// Reads `</name>` at `position`, matching the innermost open element.
    private mutating func endTag() -> Bool {
        position += 2
        guard let name = readName(), let element = open.popLast(), equal(name, element.name) else { return false }
        skipSpace()
        guard position < input.count, input[position] == UInt8(ascii: ">") else { return false }
        position += 1
        appendEndTag(name)
        declared.removeSubrange(element.declared...)
        rendered.removeSubrange(element.rendered...)
        return true
    }

    /// Character data up to the next `<` (or the end, which is then an error unless no element is open).
    private mutating func text() -> Bool {
        let start = position
        while position < input.count, input[position] != UInt8(ascii: "<") { position += 1 }
        guard position < input.count, position - start <= configuration.maximumTextSize else { return false }
        if position > start {
            let span = Span(start: start, count: position - start)
            guard !containsCDataEnd(span), appendDecoded(span, inAttribute: false) else { return false }
        }
        return true
    }

    // MARK: - Attributes and namespaces

    /// Keeps a declaration in `declared`, any other attribute in `attributes`.
    private mutating func record(_ name: Span, value: Span, scope: Int) -> Bool {
        let colon = firstColon(in: name)
        if colon == nil, matches(name, "xmlns") {
            // xmlns="uri" or xmlns="" (no default namespace).
            guard value.count == 0 || isPlainAbsoluteURI(value), !declares(.empty, since: scope) else { return false }
            declared.append(Binding(prefix: .empty, uri: value))
            return true
        }
        if let colon, matches(Span(start: name.start, count: colon - name.start), "xmlns") {
            let prefix = Span(start: colon + 1, count: name.start + name.count - colon - 1)
            // No undeclaring a prefix, no rebinding xml or xmlns.
            guard value.count > 0, isPlainAbsoluteURI(value), !matches(prefix, "xml"), !matches(prefix, "xmlns"),
                !declares(prefix, since: scope)
            else { return false }
            declared.append(Binding(prefix: prefix, uri: value))
            return true
        }
        attributes.append(Attribute(qualifiedName: name, localName: name, namespace: nil, value: value))
        return true
    }

    /// Whether the element being read (whose declarations start at `scope`) already declares `prefix`.
    private func declares(_ prefix: Span, since scope: Int) -> Bool {
        declared[scope...].contains { equal($0.prefix, prefix) }
    }

    /// The binding of an element's prefix (the default namespace, possibly "no namespace", when unprefixed).
    private func resolveElement(_ name: Span) -> Binding? {
        guard let colon = firstColon(in: name) else { return lookup(prefix: .empty) ?? Binding(prefix: .empty, uri: .empty) }
        let prefix = Span(start: name.start, count: colon - name.start)
        if matches(prefix, "xmlns") { return nil }
        if matches(prefix, "xml") { return Binding(prefix: prefix, uri: .empty, isXML: true) }
        return lookup(prefix: prefix)
    }

    /// An attribute's namespace (`nil` binding when unprefixed) and local name; `nil` when its prefix is undeclared.
    private func resolveAttribute(_ attribute: Attribute) -> (binding: Binding?, localName: Span)? {
        let name = attribute.qualifiedName
        guard let colon = firstColon(in: name) else { return (nil, name) }
        let prefix = Span(start: name.start, count: colon - name.start)
        let local = Span(start: colon + 1, count: name.start + name.count - colon - 1)
        if matches(prefix, "xml") { return (Binding(prefix: prefix, uri: .empty, isXML: true), local) }
        guard let binding = lookup(prefix: prefix) else { return nil }
        return (binding, local)
    }

    private func lookup(prefix: Span) -> Binding? {
        for binding in declared.reversed() where equal(binding.prefix, prefix) {
            // xmlns:p="" is refused when read, so an empty URI here is always the default namespace undeclared.
            return binding
        }
        return nil
    }

    /// No two attributes with the same namespace and local name (nor the same qualified name).
    private func attributesAreUnique() -> Bool {
        guard attributes.count > 1 else { return true }
        for first in attributes.indices {
            for second in attributes.indices where second > first {
                if equal(attributes[first].qualifiedName, attributes[second].qualifiedName) { return false }
                if equal(attributes[first].localName, attributes[second].localName),
                    let one = attributes[first].namespace, let other = attributes[second].namespace, sameURI(one, other)
                {
                    return false
                }
            }
        }
        return true
    }

    /// Declares `binding` on the current element unless the innermost rendered binding of its prefix has its URI
    /// (no rendered binding at all counts as the default namespace being empty).
    private mutating func use(_ binding: Binding) {
        for index in rendered.indices.reversed() where equal(rendered[index].prefix, binding.prefix) {
            if sameURI(rendered[index], binding) { return }
            rendered.append(binding)
            pending.append(binding)
            return
        }
        if binding.prefix.count == 0, binding.uri.count == 0 { return }
        rendered.append(binding)
        pending.append(binding)
    }

    private func attributeOrder(_ lhs: Attribute, _ rhs: Attribute) -> Bool {
        let byNamespace = compareNamespace(lhs.namespace, rhs.namespace)
        if byNamespace != 0 { return byNamespace < 0 }
        return compare(lhs.localName, rhs.localName) < 0
    }

    private func compareNamespace(_ lhs: Binding?, _ rhs: Binding?) -> Int {
        switch (lhs, rhs) {
        case (nil, nil): return 0
        case (nil, _?): return -1
        case (_?, nil): return 1
        case (let lhs?, let rhs?):
            return Self.xmlURI.withUnsafeBufferPointer { xml in
                compareBytes(lhs.isXML ? xml : slice(lhs.uri), rhs.isXML ? xml : slice(rhs.uri))
            }
        }
    }

    private func sameURI(_ lhs: Binding, _ rhs: Binding) -> Bool {
        if lhs.isXML || rhs.isXML { return lhs.isXML == rhs.isXML }
        return equal(lhs.uri, rhs.uri)
    }

    // MARK: - Lexical

    /// An ASCII XML name (letters, digits, `_`, `-`, `.`, at most one inner `:`), starting with a letter or `_`.
    private mutating func readName() -> Span? {
        let start = position
        guard position < input.count, isNameStart(input[position]) else { return nil }
        var colons = 0
        position += 1
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: ":") {
                colons += 1
            } else if !isNameStart(byte) && !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                && byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".")
            {
                break
            }
            position += 1
        }
        let span = Span(start: start, count: position - start)
        guard colons <= 1 else { return nil }
        if colons == 1 {
            // Neither part may be empty, and the local part must start like a name.
            guard let colon = firstColon(in: span), colon > start, colon + 1 < position, isNameStart(input[colon + 1]) else { return nil }
        }
        return span
    }

    private func isNameStart(_ byte: UInt8) -> Bool {
        ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    /// A quoted attribute value (either quote); `nil` for `<`, a literal TAB/LF/CR, or an overlong value.
    private mutating func readAttributeValue() -> Span? {
        guard position < input.count else { return nil }
        let quote = input[position]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        position += 1
        let start = position
        while position < input.count, input[position] != quote {
            let byte = input[position]
            if byte == UInt8(ascii: "<") || byte == 0x09 || byte == 0x0A || byte == 0x0D { return nil }
            position += 1
        }
        guard position < input.count, position - start <= configuration.maximumTextSize else { return nil }
        position += 1
        return Span(start: start, count: position - start - 1)
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = position
        while position < input.count, input[position] == 0x20 || input[position] == 0x09 || input[position] == 0x0A {
            position += 1
        }
        return position > start
    }

    /// Appends character data or an attribute value with its references resolved and the C14N escapes applied;
    /// `false` for an unknown reference, a character XML 1.0 forbids, a literal CR, or invalid UTF-8.
    private mutating func appendDecoded(_ span: Span, inAttribute: Bool) -> Bool {
        var index = span.start
        let end = span.start + span.count
        var runStart = index
        while index < end {
            let byte = input[index]
            if byte >= 0x80 {
                guard let length = validUTF8Length(at: index, end: end) else { return false }
                index += length
                continue
            }
            if byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                && byte != UInt8(ascii: "\"")
            {
                index += 1
                continue
            }
            switch byte {
            case 0x09, 0x0A:
                // Literal in text only (attribute values were refused when read).
                index += 1
                continue
            case UInt8(ascii: "\""):
                // Only an attribute value delimited by ' can hold a literal ".
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                if inAttribute { output.append(contentsOf: "&quot;".utf8) } else { output.append(byte) }
                index += 1
                runStart = index
            case UInt8(ascii: ">"):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                if inAttribute { output.append(byte) } else { output.append(contentsOf: "&gt;".utf8) }
                index += 1
                runStart = index
            case UInt8(ascii: "&"):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                guard let (scalar, length) = reference(at: index, end: end) else { return false }
                appendEscaped(scalar, inAttribute: inAttribute)
                index += length
                runStart = index
            default:
                // '<' cannot occur here; other C0 controls (and a literal CR) need the parser.
                return false
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<end]))
        return true
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#N;`, `&#xH;` at `index`: the character and the reference's length.
    private func reference(at index: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var cursor = index + 1
        while cursor < end, cursor - index <= 12, input[cursor] != UInt8(ascii: ";") { cursor += 1 }
        guard cursor < end, input[cursor] == UInt8(ascii: ";") else { return nil }
        let length = cursor - index + 1
        let body = Span(start: index + 1, count: cursor - index - 1)
        if matches(body, "amp") { return ("&", length) }
        if matches(body, "lt") { return ("<", length) }
        if matches(body, "gt") { return (">", length) }
        if matches(body, "quot") { return ("\"", length) }
        if matches(body, "apos") { return ("'", length) }
        guard body.count >= 2, input[body.start] == UInt8(ascii: "#") else { return nil }
        var value: UInt32 = 0
        let hex = input[body.start + 1] == UInt8(ascii: "x")
        let digitsStart = body.start + (hex ? 2 : 1)
        let digitsEnd = body.start + body.count
        guard digitsStart < digitsEnd, digitsEnd - digitsStart <= 6 else { return nil }
        for position in digitsStart..<digitsEnd {
            let byte = input[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * (hex ? 16 : 10) + digit
        }
        guard let scalar = Unicode.Scalar(value), Self.isXMLCharacter(value) else { return nil }
        return (scalar, length)
    }

    /// XML 1.0 `Char`: TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD)
            || (value >= 0x10000 && value <= 0x10FFFF)
    }

    /// The length of the valid UTF-8 sequence at `index` encoding an XML character, or `nil`.
    private func validUTF8Length(at index: Int, end: Int) -> Int? {
        let lead = input[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= end else { return nil }
        for offset in 1..<length {
            let byte = input[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // Overlong forms, surrogates and values past U+10FFFF fail here too.
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, Self.isXMLCharacter(value) else { return nil }
        return length
    }

    private mutating func appendEscaped(_ scalar: Unicode.Scalar, inAttribute: Bool) {
        switch scalar {
        case "&": output.append(contentsOf: "&amp;".utf8)
        case "<": output.append(contentsOf: "&lt;".utf8)
        case ">" where !inAttribute: output.append(contentsOf: "&gt;".utf8)
        case "\"" where inAttribute: output.append(contentsOf: "&quot;".utf8)
        case "\t" where inAttribute: output.append(contentsOf: "&#x9;".utf8)
        case "\n" where inAttribute: output.append(contentsOf: "&#xA;".utf8)
        case "\r": output.append(contentsOf: "&#xD;".utf8)
        default: output.append(contentsOf: UTF8.encode(scalar)!)
        }
    }

    private func containsCDataEnd(_ span: Span) -> Bool {
        guard span.count >= 3 else { return false }
        for index in span.start..<(span.start + span.count - 2)
        where input[index] == UInt8(ascii: "]") && input[index + 1] == UInt8(ascii: "]") && input[index + 2] == UInt8(ascii: ">") {
            return true
        }
        return false
    }

    /// `scheme ":"` then RFC 3986 path characters, `/`, `#` once — the subset ExclusiveCanonicalizer treats as plain.
    private func isPlainAbsoluteURI(_ span: Span) -> Bool {
        // A reference would make the URI differ from its bytes here.
        if slice(span).contains(UInt8(ascii: "&")) { return false }
        return ExclusiveCanonicalizer.isPlainAbsoluteURI(slice(span))
    }

    // MARK: - Bytes

    private mutating func append(_ span: Span) {
        output.append(contentsOf: slice(span))
    }

    private mutating func appendEndTag(_ name: Span) {
        output.append(UInt8(ascii: "<"))
        output.append(UInt8(ascii: "/"))
        append(name)
        output.append(UInt8(ascii: ">"))
    }

    private func slice(_ span: Span) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: input[span.start..<(span.start + span.count)])
    }

    private func firstColon(in span: Span) -> Int? {
        var index = span.start
        while index < span.start + span.count {
            if input[index] == UInt8(ascii: ":") { return index }
            index += 1
        }
        return nil
    }

    private func matches(_ span: Span, _ literal: StaticString) -> Bool {
        guard span.count == literal.utf8CodeUnitCount else { return false }
        let bytes = literal.utf8Start
        for offset in 0..<span.count where input[span.start + offset] != bytes[offset] { return false }
        return true
    }

    private func equal(_ lhs: Span, _ rhs: Span) -> Bool {
        lhs.count == rhs.count && compare(lhs, rhs) == 0
    }

    private func compare(_ lhs: Span, _ rhs: Span) -> Int {
        compareBytes(slice(lhs), slice(rhs))
    }

    /// Unsigned byte order, a prefix before its extensions (as `xmlStrcmp`).
    private func compareBytes(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        for index in 0..<common where lhs[index] != rhs[index] { return lhs[index] < rhs[index] ? -1 : 1 }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }
}
