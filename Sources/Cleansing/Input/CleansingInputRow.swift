/// One parent record as the file gives it: the physical line and the raw value of each mapped field.
///
/// Values are personal data and untouched (no trimming, no normalisation — that is the pipeline's job);
/// `description` prints only the line and which fields are present.
public struct CleansingInputRow: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based physical line the record starts on.
    public let line: Int
    private let values: [String?]

    /// Creates a row from values indexed like `CleansingColumn.allCases`.
    init(line: Int, values: [String?]) {
        self.line = line
        self.values = values
    }

    /// Creates a row from a field dictionary (tests, the service's JSON batches).
    public init(line: Int, fields: [CleansingColumn: String]) {
        var values = [String?](repeating: nil, count: CleansingColumn.allCases.count)
        for (column, value) in fields { values[column.ordinal] = value }
        self.init(line: line, values: values)
    }

    /// The raw value of a field; `nil` when the file has no such column.
    public subscript(column: CleansingColumn) -> String? { values[column.ordinal] }

    /// Parent's IIN as typed.
    public var iin: String? { self[.iin] }
    /// Surname as typed.
    public var surname: String? { self[.surname] }
    /// First name as typed.
    public var firstName: String? { self[.firstName] }
    /// Patronymic as typed.
    public var patronymic: String? { self[.patronymic] }
    /// Birth date as typed.
    public var birthDate: String? { self[.birthDate] }
    /// Phone as typed.
    public var phone: String? { self[.phone] }
    /// Region as typed.
    public var region: String? { self[.region] }
    /// A child's IIN as typed.
    public var childIIN: String? { self[.childIIN] }
    /// The platform's record id.
    public var recordID: String? { self[.recordID] }

    /// `CleansingInputRow(line 7: iin, surname, phone)` — field names only.
    public var description: String {
        let present = CleansingColumn.allCases.filter { self[$0] != nil }.map(\.rawValue)
        return "CleansingInputRow(line \(line): \(present.joined(separator: ", ")))"
    }
}
