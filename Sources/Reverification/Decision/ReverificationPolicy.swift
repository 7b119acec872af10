import Identifiers
import Normalization
public import Verification

/// Decides an active voucher again: runs the voucher gate (`VoucherActivationPolicy`) on fresh evidence, keeps only
/// the reasons the activation did not already carry, and maps them to OK / REVIEW / SUSPEND_SUGGESTED. Pure.
///
/// - A new registry fact that would have rejected the voucher (child deceased or unknown, moved region, provider
///   liquidated or unknown, birth act names another parent, clearance gone) → SUSPEND_SUGGESTED.
/// - Any other new reason (not enrolled any more, parent deceased, identity uncertain …) → REVIEW.
/// - A registry that gave no usable answer → REVIEW with `REGISTRY_UNAVAILABLE`: never OK, never a negative fact.
/// - Changed informational facts (a priority health category gained or lost) are listed but stay OK.
public struct ReverificationPolicy: Sendable {
    /// The voucher gate.
    public var activation: VoucherActivationPolicy
    /// Reasons that suggest suspension. Default: see ``defaultSuspendReasons``.
    public var suspendReasons: Set<ReasonCode>

    /// The reasons that suggest suspension by default.
    public static let defaultSuspendReasons: Set<ReasonCode> = [
        .personDeceased, .personNotFound, .regionMismatch, .providerInactive, .providerNotFound, .parentLinkMismatch, .sportsClearanceMissing,
        .ageOutOfRange, .nameMismatch, .birthDateMismatch,
    ]

    /// Informational reasons: a change in them is listed, the outcome stays OK.
    public static let informationalReasons: Set<ReasonCode> = [.parentLinkByAddress, .priorityDisability, .priorityChronicCondition]

    /// Creates a policy.
    public init(activation: VoucherActivationPolicy = VoucherActivationPolicy(), suspendReasons: Set<ReasonCode> = Self.defaultSuspendReasons) {
        self.activation = activation
        self.suspendReasons = suspendReasons
    }

    /// The new decision with its reasons and changed facts.
    public func assess(_ subject: ReverificationSubject, evidence: ReverificationEvidence)
        -> (outcome: ReverificationOutcome, reasons: [ReasonCode], changes: [FactChange], evidence: [RegistryEvidence])
    {
        var gathered = evidence.activation
        gathered?.hasOverlappingVoucher = false  // the voucher itself is the active one
        let assessment = activation.assess(
            subject.declaration, programme: subject.programme, requiresSportsClearance: subject.section.requiresSportsClearance, evidence: gathered)
        let baseline = Set(subject.activationReasons)
        var reasons = assessment.reasons.filter { !baseline.contains($0.rawValue) }
        var changes = reasons.map { Self.change(for: $0, evidence: gathered) }
        for removed in Self.informationalReasons.sorted() where baseline.contains(removed.rawValue) && !assessment.reasons.contains(removed) {
            changes.append(FactChange(fact: Self.fact(for: removed), reason: removed.rawValue, now: "REMOVED", registry: .health))
        }
        var outcome = ReverificationOutcome.ok
        if reasons.contains(where: { suspendReasons.contains($0) }) {
            outcome = .suspendSuggested
        } else if reasons.contains(where: { !Self.informationalReasons.contains($0) }) {
            outcome = .review
        }
        if evidence.isIncomplete, outcome == .ok {
            outcome = .review
            if !reasons.contains(.registryUnavailable) {
                reasons.append(.registryUnavailable)
                changes.append(Self.change(for: .registryUnavailable, evidence: gathered))
            }
        }
        if let index = changes.firstIndex(where: { $0.reason == ReasonCode.registryUnavailable.rawValue }) {
            changes[index].now = evidence.unavailableRegistries.map(\.rawValue).joined(separator: ",")
        }
        return (outcome, reasons, changes, assessment.evidence)
    }

    static func fact(for reason: ReasonCode) -> String {
        switch reason {
        case .personDeceased: "child.lifeStatus"
        case .personNotFound: "child.record"
        case .nameMismatch, .birthDateMismatch, .identityUncertain: "child.identity"
        case .parentDeceased: "parent.lifeStatus"
        case .parentNotFound: "parent.record"
        case .parentIdentityMismatch, .parentIdentityUncertain: "parent.identity"
        case .parentLinkMismatch, .parentLinkMissing, .parentLinkByAddress: "parentLink"
        case .regionMismatch: "child.region"
        case .notEnrolled: "child.enrolment"
        case .providerInactive: "provider.status"
        case .providerNotFound: "provider.record"
        case .sportsClearanceMissing: "child.sportsClearance"
        case .priorityDisability, .priorityChronicCondition: "child.healthCategory"
        case .ageOutOfRange: "child.age"
        case .registryUnavailable, .registryResponseInvalid: "registry"
        default: reason.rawValue
        }
    }

    static func change(for reason: ReasonCode, evidence: VoucherActivationEvidence?) -> FactChange {
        var change = FactChange(fact: fact(for: reason), reason: reason.rawValue)
        guard let evidence else { return change }
        func take<R>(_ result: RegistryResult<R>?, _ registry: RegistryName, _ value: (R) -> String?) {
            change.registry = registry
            switch result {
            case .found(let record, let answer)?:
                change.now = value(record)
                change.messageId = answer.messageId
            case .notFound(let answer)?:
                change.now = "NOT_FOUND"
                change.messageId = answer.messageId
            case .unavailable?, .invalidResponse?:
                change.now = "UNAVAILABLE"
            case nil:
                break
            }
        }
        switch reason {
        case .personDeceased, .personNotFound, .nameMismatch, .birthDateMismatch, .identityUncertain:
            take(evidence.family.child, .individuals) { $0.isDeceased ? "DECEASED" : "ALIVE" }
        case .parentDeceased, .parentNotFound, .parentIdentityMismatch, .parentIdentityUncertain:
            take(evidence.family.parent, .individuals) { $0.isDeceased ? "DECEASED" : "ALIVE" }
        case .regionMismatch:
            take(evidence.family.child, .individuals) { $0.registeredAddress?.region?.kato }
        case .parentLinkMismatch, .parentLinkMissing, .parentLinkByAddress:
            take(evidence.family.birthRecords, .individuals) { "\($0.count) ACTS" }
        case .notEnrolled:
            take(evidence.enrolment, .education) { $0.status.rawValue }
        case .providerInactive, .providerNotFound:
            take(evidence.provider, .business) { $0.rawValue }
        case .sportsClearanceMissing, .priorityDisability, .priorityChronicCondition:
            take(evidence.family.health, .health) { _ in "PRESENT" }
        default:
            break
        }
        return change
    }
}
