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
}
