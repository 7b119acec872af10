import Foundation
import SOAP
import XMLSupport

/// One authenticated SyncChannel request as an operation sees it.
struct SyncChannelCall: Sendable {
    /// The request (info and payload).
    let request: SendMessageRequest
    /// The payload's root element: the first child of `data`, or the escaped document parsed; `nil` when absent or unparseable.
    let payloadRoot: XMLElement?
    /// The trimmed text of `data` for the escaped style (a client may send a bare identifier as the string).
    let payloadText: String?

    init(request: SendMessageRequest) {
        self.request = request
        guard case .received(let data)? = request.payload else {
            payloadRoot = nil
            payloadText = nil
            return
        }
        payloadRoot = try? data.payloadRoot()
        payloadText = data.style == .escapedString ? Self.trimmed(data.text) : nil
    }

    /// The text of the first element named `name` (any namespace): the payload root itself, one of its children or
    /// grandchildren; else, for a string payload of exactly twelve digits, that string.
    func identifier(named name: String) -> String? {
        if let root = payloadRoot {
            if root.localName == name { return Self.trimmed(root.text) }
            for child in root.childElements {
                if child.localName == name { return Self.trimmed(child.text) }
                for grandchild in child.childElements where grandchild.localName == name {
                    return Self.trimmed(grandchild.text)
                }
            }
            return nil
        }
        if let text = payloadText, text.utf8.count == 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return text }
        return nil
    }

    /// `text` without leading and trailing white space (Unicode white space and newlines, as Foundation's
    /// `.whitespacesAndNewlines`), without going through `NSString`.
    private static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = text.unicodeScalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == text.startIndex && text.unicodeScalars.index(after: last) == text.endIndex { return text }
        return String(text.unicodeScalars[first...last])
    }
}
