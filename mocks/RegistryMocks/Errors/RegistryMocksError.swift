/// An error of the registry mocks: starting servers, parsing a fault specification, exporting.
///
/// Opaque: compare with the static members; ``shortDescription`` carries no personal data and suits metric labels.
public struct RegistryMocksError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable, Hashable {
        case bindFailed = "bind_failed"
        case invalidFaultSpecification = "invalid_fault_specification"
        case identityFailed = "identity_failed"
        case exportFailed = "export_failed"
        case notRunning = "not_running"
    }

    private let code: Code
    /// Extra context without personal data (e.g. the offending part of a fault specification).
    public let detail: String?

    private init(_ code: Code, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }

    /// A server could not bind its loopback port.
    public static let bindFailed = RegistryMocksError(.bindFailed)
    /// A `--faults` specification or control request could not be read.
    public static let invalidFaultSpecification = RegistryMocksError(.invalidFaultSpecification)
    /// A signing key or certificate could not be made or serialised.
    public static let identityFailed = RegistryMocksError(.identityFailed)
    /// Writing the exported population or trust material failed.
    public static let exportFailed = RegistryMocksError(.exportFailed)
    /// The mocks stopped before they reported their ports.
    public static let notRunning = RegistryMocksError(.notRunning)

    static func bindFailed(_ detail: String) -> Self { Self(.bindFailed, detail: detail) }
    static func invalidFaultSpecification(_ detail: String) -> Self { Self(.invalidFaultSpecification, detail: detail) }
    static func identityFailed(_ detail: String) -> Self { Self(.identityFailed, detail: detail) }
    static func exportFailed(_ detail: String) -> Self { Self(.exportFailed, detail: detail) }

    /// A stable identifier of the error kind.
    public var shortDescription: String { code.rawValue }

    /// The kind and, when present, the detail.
    public var description: String { detail.map { "\(code.rawValue): \($0)" } ?? code.rawValue }

    /// Errors are equal when their kinds are: `RegistryMocksError.bindFailed == error` whatever the detail.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }

    /// Hashes the kind only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
