internal import CLibXML2

extension XMLElement {
    /// The Exclusive XML Canonicalization 1.0 (without comments) of this element's subtree.
    ///
    /// This is the octet stream XML-DSig digests for a `ds:Reference` with the
    /// `http://www.w3.org/2001/10/xml-exc-c14n#` transform, and what it signs for `ds:SignedInfo`.
    /// The node set is this element, its attributes, the namespace nodes in scope and all descendants;
    /// ``ExclusiveCanonicalizer`` renders it, byte for byte as libxml2's `xmlC14NExecute` in
    /// `XML_C14N_EXCLUSIVE_1_0` mode would (which still does the work for an `InclusiveNamespaces` list).
    ///
    /// - Parameter inclusiveNamespacePrefixes: the `InclusiveNamespaces PrefixList` (`#default` for the default
    ///   namespace); usually empty.
    /// - Returns: the canonical UTF-8 bytes.
    /// - Throws: ``XMLError/canonicalizationFailed`` for a relative namespace URI or when libxml2 reports an error.
    public func exclusiveCanonicalization(inclusiveNamespacePrefixes: [String] = []) throws -> [UInt8] {
        if inclusiveNamespacePrefixes.isEmpty && document.hasOnlyPlainNamespaceURIs {
            var canonicalizer = ExclusiveCanonicalizer(reservingCapacity: 4096)
            if case .done = withExtendedLifetime(document, { canonicalizer.canonicalize(node) }) { return canonicalizer.output }
        }
        return try referenceExclusiveCanonicalization(inclusiveNamespacePrefixes: inclusiveNamespacePrefixes) { Array($0) }
    }

    /// Hands the exclusive canonicalization of this subtree to `body` without copying it.
    ///
    /// Without an `InclusiveNamespaces` list this is ``ExclusiveCanonicalizer`` (Swift, over the parsed tree); with
    /// one, or for node kinds it leaves to libxml2, it is ``referenceExclusiveCanonicalization(inclusiveNamespacePrefixes:_:)``.
    ///
    /// - Parameters:
    ///   - inclusiveNamespacePrefixes: as in ``exclusiveCanonicalization(inclusiveNamespacePrefixes:)``.
    ///   - body: receives the canonical bytes; the buffer is only valid during the call.
    /// - Throws: ``XMLError/canonicalizationFailed``, or what `body` throws.
    public func withExclusiveCanonicalization<Result>(
        inclusiveNamespacePrefixes: [String] = [],
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        if inclusiveNamespacePrefixes.isEmpty && document.hasOnlyPlainNamespaceURIs {
            var canonicalizer = ExclusiveCanonicalizer(reservingCapacity: 4096)
            if case .done = withExtendedLifetime(document, { canonicalizer.canonicalize(node) }) {
                return try canonicalizer.output.withUnsafeBytes(body)
            }
        }
        return try referenceExclusiveCanonicalization(inclusiveNamespacePrefixes: inclusiveNamespacePrefixes, body)
    }

    /// The exclusive canonicalization of this subtree as libxml2's `xmlC14NExecute` computes it.
    ///
    /// The reference the Swift implementation is tested against, and its fallback; several times slower, because
    /// libxml2 walks the whole document and asks a visibility callback about every node, attribute and namespace.
    ///
    /// - Parameters:
    ///   - inclusiveNamespacePrefixes: as in ``exclusiveCanonicalization(inclusiveNamespacePrefixes:)``.
    ///   - body: receives the canonical bytes; the buffer is only valid during the call.
    /// - Throws: ``XMLError/canonicalizationFailed`` when libxml2 reports an error, or what `body` throws.
    public func referenceExclusiveCanonicalization<Result>(
        inclusiveNamespacePrefixes: [String] = [],
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        guard let output = xmlAllocOutputBuffer(nil) else { throw XMLError.resourceExhausted }
        var subtreeRoot = node
        let status: Int32 = LibXML2Runtime.withQuietErrors {
            withCStringArray(inclusiveNamespacePrefixes) { prefixes in
                withUnsafeMutablePointer(to: &subtreeRoot) { rootPointer in
                    xmlC14NExecute(
                        document.pointer,
                        isInSubtree,
                        UnsafeMutableRawPointer(rootPointer),
                        Int32(XML_C14N_EXCLUSIVE_1_0.rawValue),
                        prefixes,
                        0,
                        output
                    )
                }
            }
        }
        defer { xmlOutputBufferClose(output) }
        guard status >= 0, output.pointee.error == 0 else { throw XMLError.canonicalizationFailed }
        let length = Int(xmlOutputBufferGetSize(output))
        guard length > 0, let content = xmlOutputBufferGetContent(output) else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeRawBufferPointer(start: content, count: length))
    }
}

/// Calls `body` with a NULL-terminated `xmlChar **` built from `strings`, or `nil` when there are none.
private func withCStringArray<Result>(
    _ strings: [String],
    _ body: (UnsafeMutablePointer<UnsafeMutablePointer<xmlChar>?>?) -> Result
) -> Result {
    if strings.isEmpty { return body(nil) }
    var pointers: [UnsafeMutablePointer<xmlChar>?] = strings.map { string in
        let utf8 = Array(string.utf8) + [0]
        let copy = UnsafeMutablePointer<xmlChar>.allocate(capacity: utf8.count)
        copy.initialize(from: utf8, count: utf8.count)
        return copy
    }
    pointers.append(nil)
    defer {
        for pointer in pointers { pointer?.deallocate() }
    }
    return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress) }
}

/// libxml2's visibility callback: a node is in the node set when it is the subtree root or below it.
/// For namespace and attribute nodes libxml2 passes the owning element as `parent`.
private let isInSubtree: xmlC14NIsVisibleCallback = { userData, node, parent in
    guard let userData, let node else { return 0 }
    let root = userData.assumingMemoryBound(to: xmlNodePtr.self).pointee
    var current: xmlNodePtr? =
        if node.pointee.type == XML_NAMESPACE_DECL || node.pointee.type == XML_ATTRIBUTE_NODE { parent } else { node }
    while let candidate = current {
        if candidate == root { return 1 }
        current = candidate.pointee.parent
    }
    return 0
}
