public import Identifiers

/// A person as the health registries hold them: polyclinic attachment, disability decisions,
/// dispensary registrations and sports medical clearances.
public struct PatientRecord: Sendable, Hashable {
    /// The patient as the health registries record them.
    public let person: RegistryPerson
    /// Attachment to a primary care organisation (РПН); `nil` when unattached.
    public let attachment: Attachment?
    /// Disability decisions (МСЭ), oldest first.
    public let disabilities: [Disability]
    /// Dispensary registrations (chronic conditions), oldest first.
    public let dispensary: [DispensaryRegistration]
    /// Sports medical clearances, oldest first.
    public let clearances: [SportsClearance]

    /// Creates a patient record.
    public init(
        person: RegistryPerson, attachment: Attachment?, disabilities: [Disability], dispensary: [DispensaryRegistration],
        clearances: [SportsClearance]
    ) {
        self.person = person
        self.attachment = attachment
        self.disabilities = disabilities
        self.dispensary = dispensary
        self.clearances = clearances
    }
}

/// Attachment to a polyclinic (прикрепление, Регистр прикреплённого населения).
public struct Attachment: Sendable, Hashable {
    /// The polyclinic's BIN.
    public let organizationBIN: BIN
    /// Territorial site (участок) number.
    public let territorialSite: Int
    /// Start of the attachment.
    public let attachedFrom: CalendarDate
    /// End of the attachment; `nil` while current.
    public let attachedTo: CalendarDate?

    /// Creates an attachment.
    public init(organizationBIN: BIN, territorialSite: Int, attachedFrom: CalendarDate, attachedTo: CalendarDate?) {
        self.organizationBIN = organizationBIN
        self.territorialSite = territorialSite
        self.attachedFrom = attachedFrom
        self.attachedTo = attachedTo
    }
}

/// A disability decision of medical-social examination (МСЭ; labour ministry, served through health).
public struct Disability: Sendable, Hashable {
    /// Group or child category.
    public let category: DisabilityCategory
    /// Cause in Russian, e.g. "общее заболевание", "с детства".
    public let cause: String
    /// Start of the period.
    public let from: CalendarDate
    /// End of the period; `nil` for an indefinite decision (бессрочно).
    public let until: CalendarDate?
    /// Main diagnosis, ICD-10.
    public let icd10: String

    /// Creates a decision.
    public init(category: DisabilityCategory, cause: String, from: CalendarDate, until: CalendarDate?, icd10: String) {
        self.category = category
        self.cause = cause
        self.from = from
        self.until = until
        self.icd10 = icd10
    }
}

/// Disability group (adults and children from 7) or the category for children under 7.
public enum DisabilityCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case group1 = "GROUP_1"
    case group2 = "GROUP_2"
    case group3 = "GROUP_3"
    case childUnder7 = "CHILD_UNDER_7"
}

/// A dispensary registration (диспансерный учёт) for a chronic condition.
public struct DispensaryRegistration: Sendable, Hashable {
    /// ICD-10 code, e.g. "J45.0".
    public let icd10: String
    /// Diagnosis in Russian.
    public let diagnosisRu: String
    /// Date registered.
    public let takenOn: CalendarDate
    /// Date removed; `nil` while active.
    public let removedOn: CalendarDate?

    /// Creates a registration.
    public init(icd10: String, diagnosisRu: String, takenOn: CalendarDate, removedOn: CalendarDate?) {
        self.icd10 = icd10
        self.diagnosisRu = diagnosisRu
        self.takenOn = takenOn
        self.removedOn = removedOn
    }
}

/// A sports medical clearance (допуск к занятиям спортом) issued by a polyclinic.
public struct SportsClearance: Sendable, Hashable {
    /// Certificate id, unique in the population.
    public let clearanceID: String
    /// Issue date.
    public let issuedOn: CalendarDate
    /// Last valid day (one year after issue).
    public let validUntil: CalendarDate
    /// The issuing polyclinic's BIN.
    public let issuerBIN: BIN
    /// Whether the child is admitted at all.
    public let admitted: Bool
    /// School PE health group.
    public let healthGroup: HealthGroup

    /// Creates a clearance.
    public init(clearanceID: String, issuedOn: CalendarDate, validUntil: CalendarDate, issuerBIN: BIN, admitted: Bool, healthGroup: HealthGroup) {
        self.clearanceID = clearanceID
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.issuerBIN = issuerBIN
        self.admitted = admitted
        self.healthGroup = healthGroup
    }
}

/// School PE health group.
public enum HealthGroup: String, Sendable, Hashable, Codable, CaseIterable {
    case basic = "BASIC"
    case preparatory = "PREPARATORY"
    case special = "SPECIAL"
}
