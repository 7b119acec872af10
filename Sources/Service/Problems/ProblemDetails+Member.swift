extension ProblemDetails {
    /// The value of a problem extension member: a string, an integer, a boolean, or a list of strings — enough for
    /// coding paths, role lists, limits and retry delays, and nothing that could smuggle a payload object in.
    public enum Member: Sendable, Hashable, Codable {
        /// A string, e.g. the coding path `child.iin`.
        case string(String)
        /// An integer, e.g. a size limit in bytes.
        case integer(Int)
        /// A boolean.
        case boolean(Bool)
        /// A list of strings, e.g. the roles a route requires.
        case strings([String])

        /// Decodes whichever of the four shapes the JSON value has.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) {
                self = .boolean(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else {
                self = .strings(try container.decode([String].self))
            }
        }

        /// Encodes the bare JSON value.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .boolean(let value): try container.encode(value)
            case .strings(let value): try container.encode(value)
            }
        }
    }
}
