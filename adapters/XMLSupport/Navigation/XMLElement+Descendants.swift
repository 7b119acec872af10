internal import CLibXML2

extension XMLElement: Equatable {
    /// Whether both values denote the same element node of the same document (identity, not content).
    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool { lhs.node == rhs.node }
}

extension XMLElement {
    /// This element and every element below it, in document order (pre-order), without recursion.
    public var subtreeElements: XMLSubtreeElements { XMLSubtreeElements(document: document, root: node) }

    /// Every attribute in this subtree named one of `names` (`namespace == nil`: unprefixed), with its element, in
    /// document order. Names are compared in place and only matching values are copied — a signature check looks
    /// for id attributes in every element of every message.
    public func subtreeAttributes(named names: [(namespace: String?, localName: String)]) -> [(element: XMLElement, value: String)] {
        var found: [(element: XMLElement, value: String)] = []
        var cursor: xmlNodePtr? = node
        while let current = cursor {
            var attribute = current.pointee.properties
            while let candidate = attribute {
                for name in names
                where Self.matches(name: candidate.pointee.name, ns: candidate.pointee.ns, namespace: name.namespace, localName: name.localName) {
                    found.append((XMLElement(document: document, node: current), Self.value(of: candidate)))
                    break
                }
                attribute = candidate.pointee.next
            }
            cursor = XMLSubtreeElements.Iterator.successor(of: current, root: node)
        }
        return found
    }
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
        static func successor(of node: xmlNodePtr, root: xmlNodePtr) -> xmlNodePtr? {
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
