public import Identifiers

/// A legal entity as ГБД ЮЛ holds it (schools, polyclinics, clubs and other providers).
public struct LegalEntityRecord: Sendable, Hashable {
    /// The BIN.
    public let bin: BIN
    /// Russian name with the legal form, e.g. "ТОО «Спортивный клуб Барс»".
    public let nameRu: String
    /// Kazakh name.
    public let nameKz: String
    /// Legal form.
    public let legalForm: LegalForm
    /// State registration date (its year and month are the BIN's digits 1–4).
    public let registeredOn: CalendarDate
    /// Registry status.
    public let status: LegalEntityStatus
    /// When the status last changed; `nil` for an entity active since registration.
    public let statusChangedOn: CalendarDate?
    /// Activity (ОКЭД).
    public let activity: Activity
    /// КАТО code of the legal address.
    public let katoCode: String
    /// Legal address in Russian.
    public let address: String
    /// The head's IIN.
    public let headIIN: IIN?
    /// The head's full name as the registry holds it.
    public let headFullName: String

    /// Creates a legal entity record.
    public init(
        bin: BIN, nameRu: String, nameKz: String, legalForm: LegalForm, registeredOn: CalendarDate, status: LegalEntityStatus,
        statusChangedOn: CalendarDate?, activity: Activity, katoCode: String, address: String, headIIN: IIN?, headFullName: String
    ) {
        self.bin = bin
        self.nameRu = nameRu
        self.nameKz = nameKz
        self.legalForm = legalForm
        self.registeredOn = registeredOn
        self.status = status
        self.statusChangedOn = statusChangedOn
        self.activity = activity
        self.katoCode = katoCode
        self.address = address
        self.headIIN = headIIN
        self.headFullName = headFullName
    }
}

/// Legal form of a legal entity.
public enum LegalForm: String, Sendable, Hashable, Codable, CaseIterable {
    /// Товарищество с ограниченной ответственностью.
    case llp = "ТОО"
    /// Акционерное общество.
    case jsc = "АО"
    /// Государственное учреждение.
    case stateInstitution = "ГУ"
    /// Коммунальное государственное учреждение (most schools).
    case communalInstitution = "КГУ"
    /// Коммунальное государственное предприятие на ПХВ (many polyclinics).
    case communalEnterprise = "КГП"
    /// Индивидуальный предприниматель в совместном предпринимательстве (BIN type 6).
    case jointEntrepreneurship = "ИП(С)"
}

/// ГБД ЮЛ status of a legal entity.
public enum LegalEntityStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active = "ACTIVE"
    case liquidating = "LIQUIDATING"
    case liquidated = "LIQUIDATED"
    case reorganized = "REORGANIZED"
}

/// What a provider does, with an ОКЭД-style code (codes follow the NACE-based classifier's shape; the
/// mapping is illustrative, not verified).
public enum Activity: String, Sendable, Hashable, Codable, CaseIterable {
    case generalSecondaryEducation = "85310"
    case sportsEducation = "85510"
    case culturalEducation = "85520"
    case generalMedicalPractice = "86210"
    case sportsClub = "93120"
    case retail = "47190"
    case construction = "41200"
    case consulting = "70220"

    /// ОКЭД code, five digits.
    public var okedCode: String { rawValue }

    /// Russian name.
    public var nameRu: String {
        switch self {
        case .generalSecondaryEducation: "Общее среднее образование"
        case .sportsEducation: "Образование в области спорта и отдыха"
        case .culturalEducation: "Образование в области культуры"
        case .generalMedicalPractice: "Общая врачебная практика"
        case .sportsClub: "Деятельность спортивных клубов"
        case .retail: "Прочая розничная торговля в неспециализированных магазинах"
        case .construction: "Строительство жилых и нежилых зданий"
        case .consulting: "Консультирование по вопросам коммерческой деятельности и управления"
        }
    }

    /// Whether a voucher can pay for this activity (sports or creative clubs and schools).
    public var isVoucherProvider: Bool {
        self == .sportsEducation || self == .culturalEducation || self == .sportsClub
    }
}
