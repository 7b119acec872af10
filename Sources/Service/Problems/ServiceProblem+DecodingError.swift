import Foundation

extension ServiceProblem {
    /// The 400 `invalid-json` problem for a decoding failure: the coding path and the kind of failure, never the
    /// decoder's debug description (a custom `init(from:)` may have put a payload value in it).
    public init(decodingError error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self = .invalidJSON(path: Self.path(context.codingPath + [key]), reason: "required member missing")
        case .valueNotFound(_, let context):
            self = .invalidJSON(path: Self.path(context.codingPath), reason: "value missing (null)")
        case .typeMismatch(let type, let context):
            self = .invalidJSON(path: Self.path(context.codingPath), reason: "wrong type, expected \(Self.jsonKind(of: type))")
        case .dataCorrupted(let context):
            self = context.codingPath.isEmpty
                ? .invalidJSON(path: nil, reason: "not valid JSON")
                : .invalidJSON(path: Self.path(context.codingPath), reason: "invalid value")
        @unknown default:
            self = .invalidJSON(path: nil, reason: "not valid JSON")
        }
    }

    /// `child.iin`, `coaches[2].diploma` — the dotted form of a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }

    /// The JSON kind a Swift type is read from, in words.
    static func jsonKind(of type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type: "string"
        case is Bool.Type: "boolean"
        case is any BinaryInteger.Type: "integer"
        case is any BinaryFloatingPoint.Type, is Decimal.Type: "number"
        case is any Collection.Type: "array or object"
        default: "a different JSON type"
        }
    }
}
