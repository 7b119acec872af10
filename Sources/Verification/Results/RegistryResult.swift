/// What one registry query came to — kept as four cases that are never conflated.
///
/// *Not found* is a statement the registry made (it answered, validly, that it has no such record) and carries
/// evidence; *unavailable* means we could not get an answer at all (down, slow, refused, circuit open); an *invalid
/// response* came back but cannot be trusted (bad or missing signature, unparseable, unexpected shape). Policies
/// must treat only `.notFound` as a negative fact: a registry that was down never yields "not found".
///
/// ```swift
/// switch await registry.person(iin, within: deadline) {
/// case .found(let person, let evidence): …
/// case .notFound(let evidence):          // PERSON_NOT_FOUND, citing evidence.messageId
/// case .unavailable(let reason):         // REGISTRY_UNAVAILABLE → REVIEW, never REJECT
/// case .invalidResponse(let reason):     // treat like unavailable, but alert: someone may be tampering
/// }
/// ```
public enum RegistryResult<Record: Sendable>: Sendable {
    /// The registry answered with the record.
    case found(Record, evidence: RegistryEvidence)
    /// The registry answered, validly, that it holds no record for the key.
    case notFound(evidence: RegistryEvidence)
    /// No usable answer arrived: timeout, connection failure, fault, throttling, open circuit.
    case unavailable(UnavailabilityReason)
    /// An answer arrived but must not be used: signature missing or wrong, malformed, unexpected content.
    case invalidResponse(InvalidResponseReason)

    /// The record when found, otherwise `nil`.
    public var record: Record? {
        if case .found(let record, _) = self { return record }
        return nil
    }

    /// The evidence of a registry statement (found or not found); `nil` when no trustworthy answer arrived.
    public var evidence: RegistryEvidence? {
        switch self {
        case .found(_, let evidence), .notFound(let evidence): evidence
        case .unavailable, .invalidResponse: nil
        }
    }

    /// Whether the registry made a statement we may rely on (found or not found).
    public var isAnswer: Bool { evidence != nil }

    /// The outcome without the record: for logs, metrics and tests.
    public var outcome: RegistryOutcome {
        switch self {
        case .found: .found
        case .notFound: .notFound
        case .unavailable: .unavailable
        case .invalidResponse: .invalidResponse
        }
    }

    /// The same result with the record transformed; the other cases pass through unchanged.
    public func map<Other: Sendable>(_ transform: (Record) throws -> Other) rethrows -> RegistryResult<Other> {
        switch self {
        case .found(let record, let evidence): .found(try transform(record), evidence: evidence)
        case .notFound(let evidence): .notFound(evidence: evidence)
        case .unavailable(let reason): .unavailable(reason)
        case .invalidResponse(let reason): .invalidResponse(reason)
        }
    }
}

extension RegistryResult: Equatable where Record: Equatable {}
extension RegistryResult: Hashable where Record: Hashable {}

/// The four outcomes of a registry query without their payload (a small fixed set, usable as a metric label).
public enum RegistryOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The record was found.
    case found
    /// The registry stated it has no such record.
    case notFound = "not_found"
    /// No usable answer.
    case unavailable
    /// An answer that must not be used.
    case invalidResponse = "invalid_response"
}
