public import Verification
public import XMLSupport

extension RegistryResult where Record == SyncChannelAnswer {
    /// Maps a found answer's `data` with `transform`; a mapping failure becomes
    /// `.invalidResponse(.unexpectedContent(field))`, the other cases pass through.
    public func mapData<Mapped: Sendable>(_ transform: (XMLElement) throws(WireMappingError) -> Mapped) -> RegistryResult<Mapped> {
        switch self {
        case .found(let answer, let evidence):
            do {
                return .found(try transform(answer.data), evidence: evidence)
            } catch {
                return .invalidResponse(.unexpectedContent(error.field))
            }
        case .notFound(let evidence): return .notFound(evidence: evidence)
        case .unavailable(let reason): return .unavailable(reason)
        case .invalidResponse(let reason): return .invalidResponse(reason)
        }
    }
}
