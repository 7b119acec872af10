/// Explicit column assignments from a `--columns` string, which win over the recognised header names.
///
/// The string is a comma-separated list of `field=header` pairs; `field` is a ``CleansingColumn`` raw value
/// (`iin`, `surname`, `first_name`, `patronymic`, `birth_date`, `phone`, `region`, `child_iin`, `record_id`),
/// `header` is a header name compared like the recognised ones (case, spaces and punctuation ignored) or `#N`
/// for the N-th column (1-based). Header names cannot contain a comma.
///
/// ```swift
/// let overrides = try ColumnMappingOverrides(parsing: "iin=ИИН родителя,surname=Фам.,phone=#7")
/// ```
public struct ColumnMappingOverrides: Sendable, Hashable {
    /// How an override names its header column.
    public enum HeaderReference: Sendable, Hashable, CustomStringConvertible {
        /// By name, compared case-, space- and punctuation-insensitively.
        case name(String)
        /// By 1-based position.
        case position(Int)

        /// The name, or `#N`.
        public var description: String {
            switch self {
            case .name(let name): name
            case .position(let position): "#\(position)"
            }
        }
    }

    /// The assignments, in the order given.
    public let assignments: [(column: CleansingColumn, header: HeaderReference)]

    /// No overrides.
    public init() { assignments = [] }

    /// Assignments given directly.
    public init(_ assignments: [(column: CleansingColumn, header: HeaderReference)]) {
        self.assignments = assignments
    }

    /// Parses a `--columns` string.
    ///
    /// - Throws: ``CleansingError/Code/invalidColumnMapping`` for a pair without `=`, an unknown field, an empty
    ///   header, a bad `#N`, or a field given twice.
    public init(parsing text: String) throws(CleansingError) {
        var result: [(column: CleansingColumn, header: HeaderReference)] = []
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let trimmedPair = pair.trimmingSpaces
            if trimmedPair.isEmpty { continue }
            guard let equals = trimmedPair.firstIndex(of: "=") else {
                throw CleansingError(.invalidColumnMapping, "“\(trimmedPair)” is not field=header")
            }
            let key = trimmedPair[..<equals].trimmingSpaces
            let value = trimmedPair[trimmedPair.index(after: equals)...].trimmingSpaces
            guard let column = CleansingColumn(rawValue: key.lowercased()) ?? CleansingColumn(rawValue: HeaderKey(key).text) else {
                let known = CleansingColumn.allCases.map(\.rawValue).joined(separator: ", ")
                throw CleansingError(.invalidColumnMapping, "unknown field “\(key)”; known: \(known)")
            }
            guard !value.isEmpty else {
                throw CleansingError(.invalidColumnMapping, "field \(column.rawValue) is mapped to an empty header")
            }
            guard !result.contains(where: { $0.column == column }) else {
                throw CleansingError(.invalidColumnMapping, "field \(column.rawValue) is mapped twice")
            }
            let header: HeaderReference
            if value.hasPrefix("#"), value.count > 1 {
                guard let position = Int(value.dropFirst()), position >= 1 else {
                    throw CleansingError(.invalidColumnMapping, "“\(value)” is not a column position #1, #2, …")
                }
                header = .position(position)
            } else {
                header = .name(value)
            }
            result.append((column, header))
        }
        assignments = result
    }

    /// Equal when the same fields map to the same headers in the same order.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.assignments.elementsEqual(rhs.assignments) { $0.column == $1.column && $0.header == $1.header }
    }

    /// Hashes the assignments in order.
    public func hash(into hasher: inout Hasher) {
        for assignment in assignments {
            hasher.combine(assignment.column)
            hasher.combine(assignment.header)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    var trimmingSpaces: String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }
}
