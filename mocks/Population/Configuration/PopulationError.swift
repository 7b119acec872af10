/// Errors of the `Population` module: bad configuration, and reading or writing an exported population.
///
/// Messages never carry personal data (no IINs or names), only file names, line numbers and field names.
public struct PopulationError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case invalidConfiguration(String)
        case io(path: String, reason: String)
        case malformed(file: String, line: Int, reason: String)
        case unsupportedFormat(Int)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// A configuration field is out of range.
    public static func invalidConfiguration(_ reason: String) -> Self { Self(.invalidConfiguration(reason)) }
    /// A file or directory could not be read or written.
    public static func io(path: String, reason: String) -> Self { Self(.io(path: path, reason: reason)) }
    /// An exported file does not have the expected shape.
    public static func malformed(file: String, line: Int, reason: String) -> Self { Self(.malformed(file: file, line: line, reason: reason)) }
    /// The export's format version is not one this build reads.
    public static func unsupportedFormat(_ version: Int) -> Self { Self(.unsupportedFormat(version)) }

    /// A short label without payload, for metrics.
    public var shortDescription: String {
        switch code {
        case .invalidConfiguration: "invalid_configuration"
        case .io: "io"
        case .malformed: "malformed"
        case .unsupportedFormat: "unsupported_format"
        }
    }

    public var description: String {
        switch code {
        case .invalidConfiguration(let reason): "invalid population configuration: \(reason)"
        case .io(let path, let reason): "cannot access \(path): \(reason)"
        case .malformed(let file, let line, let reason): "\(file):\(line): \(reason)"
        case .unsupportedFormat(let version): "unsupported population format version \(version)"
        }
    }
}
