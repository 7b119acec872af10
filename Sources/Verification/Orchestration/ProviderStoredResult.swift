/// The JSON form of a ``RegistryResult`` inside provider-check evidence: `{outcome, record?, evidence?,
/// unavailable?, invalid?}` — the four cases stay distinct after a round trip.
///
/// `RegistryResult` itself is not `Codable`; this keeps the encoding local to the provider evidence.
struct ProviderStoredResult<Record: Sendable & Codable>: Codable {
    var outcome: RegistryOutcome
    var record: Record?
    var evidence: RegistryEvidence?
    var unavailable: UnavailabilityReason?
    var invalid: InvalidResponseReason?

    init(_ result: RegistryResult<Record>) {
        outcome = result.outcome
        switch result {
        case .found(let record, let evidence):
            self.record = record
            self.evidence = evidence
        case .notFound(let evidence):
            self.evidence = evidence
        case .unavailable(let reason):
            unavailable = reason
        case .invalidResponse(let reason):
            invalid = reason
        }
    }

    /// The result again; throws when the stored parts do not fit the outcome.
    func result() throws -> RegistryResult<Record> {
        switch outcome {
        case .found:
            if let record, let evidence { return .found(record, evidence: evidence) }
        case .notFound:
            if let evidence { return .notFound(evidence: evidence) }
        case .unavailable:
            if let unavailable { return .unavailable(unavailable) }
        case .invalidResponse:
            if let invalid { return .invalidResponse(invalid) }
        }
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "registry result parts do not fit outcome \(outcome.rawValue)"))
    }
}
