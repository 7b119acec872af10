/// One row of the results file: the input line, its status, the decision with reasons, the normalised fields,
/// suggested corrections, the phone check, the registry match summary and the duplicate group.
///
/// The pipeline fills it in; ``CleansingResultEncoder`` writes it (fixed columns, ``CleansingOutputColumn``), and
/// it parses back from its CSV fields or its checkpoint payload, unchanged. Text fields use `""` for "absent".
/// Everything but the codes is personal data: `description` prints the line and the status only.
public struct CleansingResultRow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based physical input line the row starts on.
    public var line: Int
    /// The decision, or `UNREADABLE`.
    public var status: CleansingRowStatus
    /// Machine-readable reason codes (`IIN_CHECKSUM`, `NAME_MISMATCH`, `PERSON_DECEASED`, `FIELD_COUNT`, …).
    public var reasonCodes: [String]
    /// The platform's record id, as given.
    public var recordID: String
    /// The parent's IIN: twelve digits when it parsed, otherwise as typed.
    public var iin: String
    /// `VALID` or the local check's error code (`IIN_CHECKSUM`, `IIN_LENGTH`, …); empty when not checked.
    public var iinStatus: String
    /// Surname, normalised display form.
    public var surname: String
    /// First name, normalised display form.
    public var firstName: String
    /// Patronymic, normalised display form.
    public var patronymic: String
    /// Birth date, `yyyy-MM-dd`.
    public var birthDate: String
    /// Phone, E.164 when it parsed, otherwise as typed.
    public var phone: String
    /// The phone check, `nil` when not checked.
    public var phoneCheck: CleansingPhoneCheck?
    /// Region (Russian name), as recognised.
    public var region: String
    /// A child's IIN, when the input has one.
    public var childIIN: String
    /// Corrections proposed from the registry (``CleansingDecision/correctable`` rows).
    public var corrections: [SuggestedCorrection]
    /// The match weight against the registry record (Fellegi–Sunter, log₂), `nil` when nothing was compared.
    public var matchScore: Double?
    /// The match explained in a line: each comparison's level and weight.
    public var matchExplanation: String
    /// Id of the group of rows that duplicate each other, empty when none.
    public var duplicateGroup: String
    /// Registries that gave no usable answer for this row.
    public var registryErrors: [RegistryErrorNote]
    /// A short human note (an unreadable row's reason in Russian and English).
    public var note: String
    /// An unreadable row's raw text.
    public var rawText: String

    /// Creates a row; everything but the line and status defaults to absent.
    public init(
        line: Int, status: CleansingRowStatus, reasonCodes: [String] = [], recordID: String = "", iin: String = "", iinStatus: String = "",
        surname: String = "", firstName: String = "", patronymic: String = "", birthDate: String = "", phone: String = "",
        phoneCheck: CleansingPhoneCheck? = nil, region: String = "", childIIN: String = "", corrections: [SuggestedCorrection] = [],
        matchScore: Double? = nil, matchExplanation: String = "", duplicateGroup: String = "", registryErrors: [RegistryErrorNote] = [],
        note: String = "", rawText: String = ""
    ) {
        self.line = line
        self.status = status
        self.reasonCodes = reasonCodes
        self.recordID = recordID
        self.iin = iin
        self.iinStatus = iinStatus
        self.surname = surname
        self.firstName = firstName
        self.patronymic = patronymic
        self.birthDate = birthDate
        self.phone = phone
        self.phoneCheck = phoneCheck
        self.region = region
        self.childIIN = childIIN
        self.corrections = corrections
        self.matchScore = matchScore
        self.matchExplanation = matchExplanation
        self.duplicateGroup = duplicateGroup
        self.registryErrors = registryErrors
        self.note = note
        self.rawText = rawText
    }

    /// The output row of an unreadable input row: status `UNREADABLE`, the reason code, a bilingual note and the
    /// raw text.
    public init(unreadable row: UnreadableRow) {
        let reason = row.error.reason
        self.init(
            line: row.line, status: .unreadable, reasonCodes: [reason.code], note: "\(reason.messageRu) / \(reason.message)",
            rawText: row.rawText)
    }

    /// The decision, `nil` for an unreadable row.
    public var decision: CleansingDecision? { status.decision }

    /// `CleansingResultRow(line 7, CORRECTABLE)`.
    public var description: String { "CleansingResultRow(line \(line), \(status))" }
}
