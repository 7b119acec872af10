public import Identifiers

/// What the health registries state about one person: attachment, disability, dispensary registration, sports
/// clearance.
///
/// Health data is sensitive personal data: never log it; keep it only as long as a decision needs it.
public struct HealthFacts: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The person, as the health registry holds them.
    public var patient: PersonReference
    /// The current attachment to a primary-care organisation, when any.
    public var attachment: HealthAttachment?
    /// Disability decisions (source: МСЭ).
    public var disabilities: [DisabilityRecord]
    /// Dispensary registrations (ICD-10).
    public var dispensary: [DispensaryRegistration]
    /// Sports medical clearances.
    public var sportsClearances: [SportsClearance]

    /// Creates the facts.
    public init(
        patient: PersonReference, attachment: HealthAttachment? = nil, disabilities: [DisabilityRecord] = [],
        dispensary: [DispensaryRegistration] = [], sportsClearances: [SportsClearance] = []
    ) {
        self.patient = patient
        self.attachment = attachment
        self.disabilities = disabilities
        self.dispensary = dispensary
        self.sportsClearances = sportsClearances
    }

    /// A clearance that admits the person and is valid on `date`, when there is one.
    public func validClearance(on date: CalendarDate) -> SportsClearance? {
        sportsClearances.first { $0.admitted && ($0.issuedOn.map { $0 <= date } ?? true) && ($0.validUntil.map { date <= $0 } ?? false) }
    }

    /// `HealthFacts(<masked IIN>)`.
    public var description: String { "HealthFacts(\(patient.iin?.masked ?? "-"))" }
}

/// Attachment to a primary-care organisation (РПН).
public struct HealthAttachment: Sendable, Hashable, Codable {
    /// The polyclinic.
    public var organization: Institution
    /// Territorial site (участок) number.
    public var territorialSite: Int?
    /// Attached since.
    public var attachedFrom: CalendarDate?
    /// Attached until (`nil` = current).
    public var attachedTo: CalendarDate?

    /// Creates an attachment.
    public init(organization: Institution, territorialSite: Int? = nil, attachedFrom: CalendarDate? = nil, attachedTo: CalendarDate? = nil) {
        self.organization = organization
        self.territorialSite = territorialSite
        self.attachedFrom = attachedFrom
        self.attachedTo = attachedTo
    }
}

/// A disability decision of medical-social examination (МСЭ).
public struct DisabilityRecord: Sendable, Hashable, Codable {
    /// Category: `GROUP_1`, `GROUP_2`, `GROUP_3`, `CHILD_UNDER_7`.
    public var category: String
    /// Cause (e.g. «с детства»).
    public var cause: String?
    /// Valid from.
    public var from: CalendarDate?
    /// Valid until (`nil` = indefinite).
    public var until: CalendarDate?
    /// Main ICD-10 code.
    public var icd10Main: String?

    /// Creates a disability record.
    public init(category: String, cause: String? = nil, from: CalendarDate? = nil, until: CalendarDate? = nil, icd10Main: String? = nil) {
        self.category = category
        self.cause = cause
        self.from = from
        self.until = until
        self.icd10Main = icd10Main
    }

    /// Whether the decision applies on `date`.
    public func isCurrent(on date: CalendarDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (until.map { date <= $0 } ?? true)
    }
}

/// A dispensary registration (диспансерный учёт) for one diagnosis.
public struct DispensaryRegistration: Sendable, Hashable, Codable {
    /// ICD-10 code, e.g. `J45.0`.
    public var icd10: String
    /// Diagnosis name in Russian.
    public var diagnosisNameRu: String?
    /// Registered since.
    public var takenOn: CalendarDate?
    /// Removed from the register on (`nil` = active).
    public var removedOn: CalendarDate?

    /// Creates a registration.
    public init(icd10: String, diagnosisNameRu: String? = nil, takenOn: CalendarDate? = nil, removedOn: CalendarDate? = nil) {
        self.icd10 = icd10
        self.diagnosisNameRu = diagnosisNameRu
        self.takenOn = takenOn
        self.removedOn = removedOn
    }

    /// Whether the registration is active.
    public var isActive: Bool { removedOn == nil }
}

/// A sports medical clearance.
public struct SportsClearance: Sendable, Hashable, Codable {
    /// The clearance's id.
    public var clearanceId: String
    /// Issue date.
    public var issuedOn: CalendarDate?
    /// Valid until.
    public var validUntil: CalendarDate?
    /// The issuing organisation.
    public var issuer: Institution?
    /// Whether the person is admitted.
    public var admitted: Bool
    /// Health group: `BASIC`, `PREPARATORY`, `SPECIAL`.
    public var healthGroup: String?

    /// Creates a clearance.
    public init(
        clearanceId: String, issuedOn: CalendarDate? = nil, validUntil: CalendarDate? = nil, issuer: Institution? = nil, admitted: Bool,
        healthGroup: String? = nil
    ) {
        self.clearanceId = clearanceId
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.issuer = issuer
        self.admitted = admitted
        self.healthGroup = healthGroup
    }
}
