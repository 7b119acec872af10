/// How (or whether) the registries tie the declaring parent to the child.
public enum ParentLink: String, Sendable, Hashable, Codable {
    /// A digitised birth record names the parent as mother or father.
    case birthRecord = "BIRTH_RECORD"
    /// No birth record, but parent and child share the registered address (alternative evidence).
    case sharedAddress = "SHARED_ADDRESS"
    /// No birth record and no alternative evidence: an operator must look.
    case missing = "MISSING"
    /// The child's birth record names someone else in the parent's place.
    case contradicted = "CONTRADICTED"
    /// The birth-record registry gave no usable answer.
    case unknown = "UNKNOWN"
}
