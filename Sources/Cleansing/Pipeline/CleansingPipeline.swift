import Identifiers
public import Matching
import Normalization
public import Verification

/// Decides one readable parent row against the individuals registry.
///
/// Per row: normalise the fields (names, birth date, phone, region, child IIN); check the IIN locally (a bad IIN is
/// `INVALID_IIN` with the check's code as IIN status and never reaches a registry); ask `persons` under the deadline;
/// score the row against the record with the match model (`FamilyPolicy.assessPerson`); propose corrections from
/// the registry; apply the cross-row finding. Which decision wins is ``CleansingDecision/precedence``.
///
/// | registry said | model | decision |
/// |---|---|---|
/// | unavailable / invalid response | — | `REGISTRY_UNAVAILABLE` + `RegistryErrorNote` |
/// | not found | — | `NOT_FOUND` (`PERSON_NOT_FOUND`) |
/// | found, deceased | any | `DECEASED` (`PERSON_DECEASED`) |
/// | found | MATCH, nothing differs | `VALID` |
/// | found | MATCH, some field differs or is empty | `CORRECTABLE` + corrections |
/// | found | REVIEW | ``CleansingPipelineConfiguration/uncertainIdentity`` (`IDENTITY_UNCERTAIN`) |
/// | found | MISMATCH, or a first name that weighs against | `MISMATCH` (`NAME_MISMATCH` / `BIRTH_DATE_MISMATCH`) |
///
/// A cross-row finding of a kind in ``CleansingPipelineConfiguration/duplicateKinds`` turns `VALID`/`CORRECTABLE`
/// into `DUPLICATE`; every finding adds its reason code and the duplicate group.
///
/// ```swift
/// let pipeline = CleansingPipeline(persons: registry)
/// var index = CleansingCrossRowIndex()
/// let finding = index.register(row)
/// let result = index.finalise(await pipeline.cleanse(row, crossRow: finding, within: .after(.seconds(10))))
/// ```
public struct CleansingPipeline: Sendable {
    private let persons: any PersonRegistry
    private let policy: FamilyPolicy
    private let configuration: CleansingPipelineConfiguration
    private let dateParser: DateParser

    /// Creates a pipeline.
    ///
    /// - Parameters:
    ///   - persons: the individuals registry (ГБД ФЛ) port.
    ///   - model: the match model comparing a row with the registry record (default `MatchModel.default`).
    ///   - configuration: decision settings.
    public init(persons: any PersonRegistry, model: MatchModel = .default, configuration: CleansingPipelineConfiguration = .init()) {
        self.persons = persons
        self.policy = FamilyPolicy(model: model)
        self.configuration = configuration
        self.dateParser = DateParser(configuration: configuration.dateParsing)
    }

    /// The match model in use.
    public var model: MatchModel { policy.model }

    /// Decides `row`.
    ///
    /// - Parameters:
    ///   - row: the parent row as read.
    ///   - crossRow: what ``CleansingCrossRowIndex/register(_:)`` returned for the row (`nil` = no earlier row relates).
    ///   - deadline: when the registry answer is needed by; a late answer is `REGISTRY_UNAVAILABLE`.
    /// - Returns: the output row (never throws: every failure is a decision).
    public func cleanse(_ row: CleansingInputRow, crossRow: CrossRowFinding?, within deadline: Deadline) async -> CleansingResultRow {
        let normalised = NormalizedParentRow(row, dateParser: dateParser)
        var result = Self.resultRow(row, normalised)
        var outcome = Outcome()
        if let iin = normalised.iin {
            let callDeadline = configuration.registryCallBudget.map { deadline.capped(at: $0) } ?? deadline
            let persons = self.persons
            let answer = await RegistryCall.run(within: callDeadline) { await persons.person(iin, within: $0) }
            outcome = assess(row, normalised, answer)
        } else {
            outcome.decision = .invalidIIN
            if let error = normalised.iinError { outcome.reasons.append(error.code) }
        }
        if let crossRow {
            outcome.reasons.append(crossRow.reasonCode.rawValue)
            result.duplicateGroup = crossRow.group
            if configuration.duplicateKinds.contains(crossRow.kind) { outcome.decision = outcome.decision.strongest(.duplicate) }
        }
        if normalised.unreadableBirthDate != nil { outcome.reasons.append(ReasonCode.birthDateInvalid.rawValue) }
        if normalised.regionUnrecognised { outcome.reasons.append(ReasonCode.regionUnknown.rawValue) }
        if let reason = normalised.phoneReason { outcome.reasons.append(reason) }
        if normalised.childIINInvalid { outcome.reasons.append(ReasonCode.childIINInvalid.rawValue) }

        result.status = .decided(outcome.decision)
        result.reasonCodes = Self.unique(outcome.reasons)
        result.corrections = outcome.corrections
        result.matchScore = outcome.score?.roundedTotal
        result.matchExplanation = outcome.score?.cleansingExplanation ?? ""
        result.registryErrors = outcome.registryErrors
        return result
    }

    // MARK: - Registry answer

    /// What the registry answer and the model make of a row, before the cross-row finding.
    private struct Outcome {
        var decision: CleansingDecision = .valid
        var reasons: [String] = []
        var corrections: [SuggestedCorrection] = []
        var score: MatchScore?
        var registryErrors: [RegistryErrorNote] = []
    }

    private func assess(_ row: CleansingInputRow, _ normalised: NormalizedParentRow, _ answer: RegistryResult<PersonRecord>) -> Outcome {
        var outcome = Outcome()
        let declared = DeclaredPerson(iin: normalised.iin, fields: normalised.personFields, comparisonForm: normalised.comparisonForm)
        let (assessment, verdict) = policy.assessPerson(declared, answer)
        outcome.reasons = verdict.reasons.map(\.rawValue)
        outcome.score = assessment.score
        switch answer {
        case .unavailable(let reason):
            outcome.decision = .registryUnavailable
            outcome.registryErrors = [RegistryErrorNote(registry: .individuals, unavailable: reason)]
        case .invalidResponse(let reason):
            outcome.decision = .registryUnavailable
            outcome.registryErrors = [RegistryErrorNote(registry: .individuals, invalid: reason)]
        case .notFound:
            outcome.decision = .notFound
        case .found(let record, _):
            let identity = identityDecision(assessment.score)
            if identity == .mismatch {
                outcome.reasons.removeAll { $0 == ReasonCode.identityUncertain.rawValue }
                if !outcome.reasons.contains(where: Self.isMismatchReason) { outcome.reasons.append(ReasonCode.nameMismatch.rawValue) }
            }
            if identity != .mismatch {
                outcome.corrections = RegistryCorrections.corrections(
                    for: row, normalised: normalised, record: record, proposesMissingValues: configuration.proposesMissingValues)
            }
            var decision = identity
            if decision == .valid && !outcome.corrections.isEmpty { decision = .correctable }
            if assessment.deceased { decision = decision.strongest(.deceased) }
            outcome.decision = decision
        }
        return outcome
    }

    /// VALID (a match; corrections may still make it CORRECTABLE), the configured decision for REVIEW, or MISMATCH.
    private func identityDecision(_ score: MatchScore?) -> CleansingDecision {
        guard let score else { return .mismatch }
        if configuration.requiresFirstNameAgreement, firstNameDiffers(score) { return .mismatch }
        switch score.decision {
        case .match: return .valid
        case .review: return configuration.uncertainIdentity
        case .mismatch: return .mismatch
        }
    }

    /// Whether the first name was compared and does not weigh for the match (the model's "similar" or "different"
    /// levels under the default model).
    private func firstNameDiffers(_ score: MatchScore) -> Bool {
        guard let contribution = score.contribution(of: .firstName), !contribution.isMissing else { return false }
        return contribution.weight <= 0
    }

    private static func isMismatchReason(_ code: String) -> Bool {
        code == ReasonCode.nameMismatch.rawValue || code == ReasonCode.birthDateMismatch.rawValue
    }

    // MARK: - Output

    private static func resultRow(_ row: CleansingInputRow, _ normalised: NormalizedParentRow) -> CleansingResultRow {
        CleansingResultRow(
            line: row.line, status: .decided(.valid), recordID: NormalizedParentRow.trimmed(row.recordID) ?? "", iin: normalised.iinText,
            iinStatus: normalised.iinError?.code ?? "VALID", surname: normalised.surnameCanonical, firstName: normalised.firstNameCanonical,
            patronymic: normalised.patronymicCanonical, birthDate: normalised.birthDate?.description ?? normalised.unreadableBirthDate ?? "",
            phone: normalised.phoneText, phoneCheck: normalised.phoneCheck, region: normalised.regionText, childIIN: normalised.childIINText)
    }

    private static func unique(_ codes: [String]) -> [String] {
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }
}
