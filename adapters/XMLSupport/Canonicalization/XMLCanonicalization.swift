/// Exclusive XML Canonicalization 1.0 (without comments) of serialized XML — what a signer digests for XML it has
/// just written, without keeping a parsed tree.
public enum XMLCanonicalization {
    /// The exclusive canonical form of the one element `bytes` hold (the whole input as the node set's apex).
    ///
    /// XML in the plain shape ``XMLWriter`` writes is canonicalized straight from its bytes; anything else is parsed
    /// under `configuration` and canonicalized from the tree, with the same result.
    ///
    /// - Throws: an ``XMLError`` when `bytes` are not one well-formed element acceptable under `configuration`.
    public static func exclusive(of bytes: [UInt8], configuration: XMLParserConfiguration = .default) throws -> [UInt8] {
        if let canonical = WrittenXMLCanonicalizer.canonicalize(bytes, configuration: configuration) { return canonical }
        return try XMLDocument(parsing: bytes, configuration: configuration).root.exclusiveCanonicalization()
    }

    /// The exclusive canonical form of what `writer` wrote (one finished element): its bytes as they are when the
    /// writer vouches for them (``XMLWriter/isExclusiveCanonical``) and they are within `configuration`'s limits,
    /// otherwise ``exclusive(of:configuration:)`` of them.
    ///
    /// - Throws: an ``XMLError`` when the bytes are not one well-formed element acceptable under `configuration`.
    public static func exclusive(ofWritten writer: XMLWriter, configuration: XMLParserConfiguration = .default) throws -> [UInt8] {
        let bytes = writer.bytes
        let shape = writer.canonicalForm
        guard writer.depth == 0, shape.isIntact, !bytes.isEmpty, bytes.count <= configuration.maximumDocumentSize,
            bytes.count <= configuration.maximumTextSize, shape.maximumDepth <= configuration.maximumDepth,
            shape.maximumAttributes <= configuration.maximumAttributes
        else {
            return try exclusive(of: bytes, configuration: configuration)
        }
        assert(
            (try? XMLDocument(parsing: bytes, configuration: configuration).root.exclusiveCanonicalization()) == bytes,
            "XMLWriter vouched for bytes that are not their own exclusive canonical form")
        return bytes
    }
}
