/// Follows an ``XMLWriter`` call by call and answers whether its output is already its own Exclusive XML
/// Canonicalization 1.0 (without comments), so a signer can digest the bytes as written instead of canonicalizing
/// them again.
///
/// It vouches only for the plain shape where that is certain, and gives up for good (``isIntact`` turns `false`) at
/// the first call outside it: an empty element written `<a/>`; an XML declaration; a default namespace declaration
/// or a prefix already bound in scope; a declaration that is not a plain absolute URI, comes after an attribute or
/// out of prefix order, or names a prefix its element does not visibly use (a prefix used only inside an attribute
/// value, such as `xsi:type="p:T"`, is rendered elsewhere by C14N); a prefix that is not declared in the output
/// itself, or the `xml` prefix; attributes out of canonical order (unqualified first, then by namespace URI and
/// local name) or repeated; an attribute value with `>` (the writer escapes it, C14N does not); raw UTF-8 text; a
/// fragment that was not itself tracked intact or that declares a prefix bound where it is inserted.
struct CanonicalFormTracker: Sendable {
    /// Whether everything written so far is in canonical form.
    private(set) var isIntact: Bool
    /// Namespace declarations rendered by the open elements, innermost last.
    private var scope: [(prefix: String, uri: String)] = []
    /// `scope.count` when each open element started.
    private var marks: [Int] = []
    /// The open start tag: its element's prefix, the prefixes it declares and those its attributes use.
    private var tagPrefix: String?
    private var tagDeclared: [String] = []
    private var tagAttributePrefixes: [String] = []
    private var tagAttributeCount = 0
    private var lastAttribute: (uri: String, localName: String)?
    /// Every prefix declared anywhere in the output (a fragment's must be unbound where it is inserted).
    private(set) var declaredPrefixes: [String] = []
    /// Deepest element nesting and most attributes (declarations included) on one element, for the parse limits.
    private(set) var maximumDepth = 0
    private(set) var maximumAttributes = 0

    /// Starts tracking a writer created with these settings.
    init(emptyElementsAsTagPairs: Bool, xmlDeclaration: Bool) {
        isIntact = emptyElementsAsTagPairs && !xmlDeclaration
    }

    /// What a tracked, intact fragment brings into the writer it is inserted into.
    struct FragmentShape: Sendable, Hashable {
        /// Every prefix the fragment declares.
        var declaredPrefixes: [String]
        /// Its deepest nesting (its root is 1) and most attributes on one element.
        var maximumDepth: Int
        var maximumAttributes: Int
    }

    /// The fragment shape of a finished, intact output, or `nil`.
    var fragmentShape: FragmentShape? {
        guard isIntact else { return nil }
        return FragmentShape(declaredPrefixes: declaredPrefixes, maximumDepth: maximumDepth, maximumAttributes: maximumAttributes)
    }

    mutating func startElement(prefix: String?, depth: Int) {
        guard isIntact else { return }
        if let prefix, prefix == "xml" { return giveUp() }
        // The per-tag lists were emptied when the previous start tag closed.
        marks.append(scope.count)
        tagPrefix = prefix
        tagAttributeCount = 0
        if lastAttribute != nil { lastAttribute = nil }
        if depth > maximumDepth { maximumDepth = depth }
    }

    mutating func declareNamespace(prefix: String?, uri: String) {
        guard isIntact else { return }
        guard let prefix, prefix != "xml", prefix != "xmlns", lastAttribute == nil else { return giveUp() }
        if let last = tagDeclared.last, !last.utf8.lexicographicallyPrecedes(prefix.utf8) { return giveUp() }
        if scope.contains(where: { $0.prefix == prefix }) { return giveUp() }
        // A plain absolute URI has no character the writer and C14N escape differently (no `>`, `&`, `"`, controls).
        var uri = uri
        guard uri.withUTF8({ ExclusiveCanonicalizer.isPlainAbsoluteURI($0) }) else { return giveUp() }
        scope.append((prefix, uri))
        tagDeclared.append(prefix)
        declaredPrefixes.append(prefix)
        tagAttributeCount += 1
    }

    mutating func attribute(localName: String, prefix: String?, value: String) {
        guard isIntact else { return }
        let namespace: String
        if let prefix {
            guard prefix != "xml", prefix != "xmlns", let binding = scope.last(where: { $0.prefix == prefix }) else { return giveUp() }
            namespace = binding.uri
            tagAttributePrefixes.append(prefix)
        } else {
            guard localName != "xmlns" else { return giveUp() }
            namespace = ""
        }
        if let last = lastAttribute {
            let ordered =
                last.uri == namespace
                ? last.localName.utf8.lexicographicallyPrecedes(localName.utf8) : last.uri.utf8.lexicographicallyPrecedes(namespace.utf8)
            guard ordered else { return giveUp() }
        }
        if value.utf8.contains(UInt8(ascii: ">")) { return giveUp() }
        lastAttribute = (namespace, localName)
        tagAttributeCount += 1
    }

    /// The start tag is complete: its element's prefix must be bound, and each declaration visibly used.
    mutating func closeStartTag() {
        guard isIntact else { return }
        if tagAttributeCount > maximumAttributes { maximumAttributes = tagAttributeCount }
        let elementPrefix = tagPrefix
        if let prefix = elementPrefix {
            guard scope.contains(where: { $0.prefix == prefix }) else { return giveUp() }
            tagPrefix = nil
        }
        if !tagDeclared.isEmpty {
            for declared in tagDeclared where declared != elementPrefix && !tagAttributePrefixes.contains(declared) { return giveUp() }
            tagDeclared.removeAll(keepingCapacity: true)
        }
        if !tagAttributePrefixes.isEmpty { tagAttributePrefixes.removeAll(keepingCapacity: true) }
    }

    mutating func endElement() {
        guard isIntact, let mark = marks.popLast() else { return }
        if mark < scope.count { scope.removeSubrange(mark...) }
    }

    /// A fragment is inserted at `depth` (the number of open elements around it).
    mutating func fragment(_ shape: FragmentShape?, depth: Int) {
        guard isIntact else { return }
        guard let shape else { return giveUp() }
        for prefix in shape.declaredPrefixes where scope.contains(where: { $0.prefix == prefix }) { return giveUp() }
        declaredPrefixes += shape.declaredPrefixes
        maximumDepth = max(maximumDepth, depth + shape.maximumDepth)
        maximumAttributes = max(maximumAttributes, shape.maximumAttributes)
    }

    /// Text that may not be valid UTF-8, or any other content the tracker cannot vouch for.
    mutating func giveUp() {
        isIntact = false
        scope = []
        marks = []
    }
}
