internal import CLibXML2

extension XMLElement: Equatable {
    /// Whether both values denote the same element node of the same document (identity, not content).
    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool { lhs.node == rhs.node }
}

extension XMLElement {
    /// This element and every element below it, in document order (pre-order), without recursion.
    public var subtreeElements: XMLSubtreeElements { XMLSubtreeElements(document: document, root: node) }
}

/// The elements of a subtree in document order; see ``XMLElement/subtreeElements``.
public struct XMLSubtreeElements: Sequence, @unchecked Sendable {
    let document: XMLDocument
    let root: xmlNodePtr

    /// Walks the subtree iteratively (constant stack, whatever the depth).
    public struct Iterator: IteratorProtocol {
        let document: XMLDocument
        let root: xmlNodePtr
        var cursor: xmlNodePtr?

        public mutating func next() -> XMLElement? {
            guard let current = cursor else { return nil }
            cursor = Self.successor(of: current, root: root)
            return XMLElement(document: document, node: current)
        }

        /// The next element after `node` in pre-order, staying inside `root`.
        private static func successor(of node: xmlNodePtr, root: xmlNodePtr) -> xmlNodePtr? {
            if let child = firstElement(from: node.pointee.children) { return child }
            var current = node
            while current != root {
                if let sibling = firstElement(from: current.pointee.next) { return sibling }
                guard let parent = current.pointee.parent else { return nil }
                current = parent
            }
            return nil
        }

        private static func firstElement(from start: xmlNodePtr?) -> xmlNodePtr? {
            var candidate = start
            while let node = candidate {
                if node.pointee.type == XML_ELEMENT_NODE { return node }
                candidate = node.pointee.next
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(document: document, root: root, cursor: root) }
}
