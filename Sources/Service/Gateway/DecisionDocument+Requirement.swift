public import Verification

extension DecisionDocument {
    /// One entry of a provider check's per-requirement result list, as the API answers it: which rule, about whom
    /// (masked), with what status, why (code and messages in Russian and Kazakh), and the registry answers it rests on.
    ///
    /// ```json
    /// {"requirement": "COACH_DIPLOMA", "subject": "COACH", "coachIndex": 0, "identifier": "8504******21",
    ///  "status": "FAILED", "reasonCode": "COACH_DIPLOMA_MISSING", "messageRu": "…", "messageKk": "…",
    ///  "evidence": [{"registry": "education", "messageId": "…", "resultCode": "00000"}]}
    /// ```
    public struct Requirement: Sendable, Codable, Hashable {
        /// The rule (`ENTITY_ACTIVE`, `HEAD_IDENTITY`, `COACH_IDENTITY`, `COACH_ALIVE`, `COACH_DIPLOMA`,
        /// `COACH_CATEGORY`, `COACH_HEALTH_CLEARANCE`, `COACHES_DECLARED`).
        public var requirement: String
        /// Whom it is about: `PROVIDER`, `HEAD` or `COACH`.
        public var subject: String
        /// The coach's position in the request's `coaches` (0-based), for coach requirements only.
        public var coachIndex: Int?
        /// The subject's identifier, masked (an IIN as `8504******21`; a BIN in full); absent when it failed the local checks.
        public var identifier: String?
        /// `PASSED`, `FAILED` or `UNKNOWN`.
        public var status: String
        /// Why it failed or is unknown; absent when passed.
        public var reasonCode: String?
        /// The reason in Russian.
        public var messageRu: String?
        /// The reason in Kazakh.
        public var messageKk: String?
        /// The registry answers (registry, message id, result code) the status rests on.
        public var evidence: [Evidence]

        /// The API form of a policy result.
        public init(_ result: ProviderRequirementResult) {
            requirement = result.requirement.rawValue
            subject = result.subject.kind.rawValue
            coachIndex = result.subject.coachIndex
            identifier = result.subject.maskedIdentifier
            status = result.status.rawValue
            reasonCode = result.reason?.rawValue
            messageRu = result.reason?.messageRu
            messageKk = result.reason?.messageKk
            evidence = result.evidence.map(Evidence.init)
        }
    }
}
