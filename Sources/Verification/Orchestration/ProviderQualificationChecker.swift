public import Identifiers

/// Checks a provider end to end: local identifier checks, the registries under one deadline
/// (``ProviderQualificationCollector``), then ``ProviderQualificationPolicy``.
///
/// ```swift
/// let checker = ProviderQualificationChecker(collector: collector, policy: ProviderQualificationPolicy(model: model))
/// let (assessment, evidence) = await checker.check(request, within: .after(.seconds(2)))
/// ```
public struct ProviderQualificationChecker: Sendable {
    /// Gathers the evidence.
    public var collector: ProviderQualificationCollector
    /// Decides.
    public var policy: ProviderQualificationPolicy

    /// Creates a checker.
    public init(collector: ProviderQualificationCollector, policy: ProviderQualificationPolicy = ProviderQualificationPolicy()) {
        self.collector = collector
        self.policy = policy
    }

    /// The verdict and the evidence it rests on (`nil` when the provider identifier failed the local checks).
    ///
    /// - Parameter date: the day validity is judged on (default: today in Kazakhstan).
    public func check(
        _ request: ProviderCheckRequest, within deadline: Deadline, on date: CalendarDate = BIN.today()
    ) async -> (ProviderQualificationAssessment, ProviderQualificationEvidence?) {
        let evidence = await collector.collect(request, within: deadline)
        return (policy.assess(request, evidence: evidence, on: date), evidence)
    }
}
