/// Why a re-verification run (or one of its inputs) failed. Messages carry no personal data.
public struct ReverificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// Bad input (a schedule slot, a date, an option).
        case invalidInput = "invalid_input"
        /// The store failed.
        case store
        /// A stored subject or result cannot be read.
        case storedDataUnreadable = "stored_data_unreadable"
        /// The report, CSV or summary could not be written.
        case io
        /// Cancelled; results saved so far stay and a resumed run continues after them.
        case interrupted
        /// `--resume` found no run to continue.
        case nothingToResume = "nothing_to_resume"
    }

    /// The kind.
    public let code: Code
    /// What happened, for the operator.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}
