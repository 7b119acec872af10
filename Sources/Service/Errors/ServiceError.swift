/// Why a gateway set-up step failed (outside a request: bootstrap keys, configuration). Request-time failures are
/// ``ServiceProblem``s instead. The description names paths and store messages, never a key.
public struct ServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case keyStore(String)
        case keyFile(path: String, reason: String)
        case resource(String)
    }

    private let code: Code

    /// The API key store failed (its message, free of personal data).
    public static func keyStore(_ message: String) -> ServiceError { ServiceError(code: .keyStore(message)) }

    /// The bootstrap key file could not be written.
    public static func keyFile(path: String, reason: String) -> ServiceError { ServiceError(code: .keyFile(path: path, reason: reason)) }

    /// A resource of the module is missing (a packaging fault).
    public static func resource(_ name: String) -> ServiceError { ServiceError(code: .resource(name)) }

    /// A short label for metrics (`key_store`, `key_file`, `resource`).
    public var shortDescription: String {
        switch code {
        case .keyStore: "key_store"
        case .keyFile: "key_file"
        case .resource: "resource"
        }
    }

    /// The failure in words.
    public var description: String {
        switch code {
        case .keyStore(let message): "API key store: \(message)"
        case .keyFile(let path, let reason): "cannot write \(path): \(reason)"
        case .resource(let name): "resource \(name) missing from the Service bundle"
        }
    }
}
