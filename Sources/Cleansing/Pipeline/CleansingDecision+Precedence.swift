extension CleansingDecision {
    /// Which decision wins when several apply to one row, strongest first:
    ///
    /// `INVALID_IIN` (no registry was asked) › `REGISTRY_UNAVAILABLE` (the decision waits for the registry, even for a
    /// duplicate) › `DECEASED` › `NOT_FOUND` › `MISMATCH` › `DUPLICATE` › `CORRECTABLE` › `VALID`.
    ///
    /// So a duplicate is `DUPLICATE` only when the registry found nothing worse; it still carries the registry's
    /// explanation (score, corrections) and its duplicate group.
    public static let precedence: [CleansingDecision] = [
        .invalidIIN, .registryUnavailable, .deceased, .notFound, .mismatch, .duplicate, .correctable, .valid,
    ]

    /// Position in ``precedence`` (0 = strongest).
    var precedenceRank: Int { Self.precedence.firstIndex(of: self) ?? Self.precedence.count }

    /// The stronger of two decisions under ``precedence``.
    func strongest(_ other: CleansingDecision) -> CleansingDecision {
        other.precedenceRank < precedenceRank ? other : self
    }
}
