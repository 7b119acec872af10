/// Why a registry configuration cannot be used; messages name the field, never a secret.
public enum RegistryConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(path: String)
    /// The JSON is malformed or a field has the wrong type (the decoder's path).
    case malformed(String)
    /// A required value is missing (e.g. `endpoints.health`, `senders`).
    case missing(String)
    /// A value is present but unusable (bad URL, unreadable PEM, wrong key type).
    case invalid(field: String, reason: String)

    /// A message naming the field.
    public var description: String {
        switch self {
        case .unreadable(let path): "registry configuration \(path) cannot be read"
        case .malformed(let detail): "registry configuration is malformed: \(detail)"
        case .missing(let field): "registry configuration lacks \(field)"
        case .invalid(let field, let reason): "registry configuration field \(field) is invalid: \(reason)"
        }
    }
}
