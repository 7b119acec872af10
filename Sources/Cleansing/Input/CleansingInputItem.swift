/// What ``CleansingInputReader`` yields for each data row: a mapped parent record, or an unreadable row.
public enum CleansingInputItem: Sendable, Hashable {
    /// A well-formed record, its fields picked by column.
    case row(CleansingInputRow)
    /// A row the reader could not read; it goes to the output with status `UNREADABLE`.
    case unreadable(UnreadableRow)

    /// The physical line the row starts on.
    public var line: Int {
        switch self {
        case .row(let row): row.line
        case .unreadable(let row): row.line
        }
    }
}
