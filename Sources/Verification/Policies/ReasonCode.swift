/// A machine-readable reason a decision carries, with its message in Russian and Kazakh.
///
/// Stable strings (clients and reports key on them); `IIN_*`/`BIN_*` codes come from `IdentifierError.code`.
public struct ReasonCode: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The code, e.g. `PERSON_NOT_FOUND`.
    public let rawValue: String

    /// Wraps a code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The code.
    public var description: String { rawValue }

    /// Orders codes by their text (stable report order).
    public static func < (lhs: ReasonCode, rhs: ReasonCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The message in Russian.
    public var messageRu: String { ReasonCatalogue.messages[self]?.ru ?? ReasonCatalogue.fallback(rawValue).ru }
    /// The message in Kazakh.
    public var messageKk: String { ReasonCatalogue.messages[self]?.kk ?? ReasonCatalogue.fallback(rawValue).kk }

    /// The person is not in the individuals registry (the registry said so).
    public static let personNotFound = ReasonCode(rawValue: "PERSON_NOT_FOUND")
    /// The individuals registry records the person as deceased.
    public static let personDeceased = ReasonCode(rawValue: "PERSON_DECEASED")
    /// Declared names do not match the registry.
    public static let nameMismatch = ReasonCode(rawValue: "NAME_MISMATCH")
    /// Declared birth date does not match the registry.
    public static let birthDateMismatch = ReasonCode(rawValue: "BIRTH_DATE_MISMATCH")
    /// The declared data (the child's, or the person's at registration) is close to the registry's but not close
    /// enough to accept automatically.
    public static let identityUncertain = ReasonCode(rawValue: "IDENTITY_UNCERTAIN")
    /// The declared birth date cannot be read.
    public static let birthDateInvalid = ReasonCode(rawValue: "BIRTH_DATE_INVALID")
    /// The parent is not in the individuals registry.
    public static let parentNotFound = ReasonCode(rawValue: "PARENT_NOT_FOUND")
    /// The parent is recorded as deceased.
    public static let parentDeceased = ReasonCode(rawValue: "PARENT_DECEASED")
    /// The parent's declared data does not match the registry.
    public static let parentIdentityMismatch = ReasonCode(rawValue: "PARENT_IDENTITY_MISMATCH")
    /// The parent's declared data is close but not close enough.
    public static let parentIdentityUncertain = ReasonCode(rawValue: "PARENT_IDENTITY_UNCERTAIN")
    /// No digitised birth record links parent and child, and no alternative evidence does.
    public static let parentLinkMissing = ReasonCode(rawValue: "PARENT_LINK_MISSING")
    /// The child's birth record names another parent.
    public static let parentLinkMismatch = ReasonCode(rawValue: "PARENT_LINK_MISMATCH")
    /// No birth record, but parent and child share a registered address (alternative evidence; informational).
    public static let parentLinkByAddress = ReasonCode(rawValue: "PARENT_LINK_BY_ADDRESS")
    /// The declared region is not where the child is registered.
    public static let regionMismatch = ReasonCode(rawValue: "REGION_MISMATCH")
    /// The declared region cannot be recognised.
    public static let regionUnknown = ReasonCode(rawValue: "REGION_UNKNOWN")
    /// The child's age is outside the programme's range.
    public static let ageOutOfRange = ReasonCode(rawValue: "AGE_OUT_OF_RANGE")
    /// The child is not enrolled at a school (НОБД) although of school age.
    public static let notEnrolled = ReasonCode(rawValue: "NOT_ENROLLED")
    /// A registry did not answer in time or at all: the decision waits for it.
    public static let registryUnavailable = ReasonCode(rawValue: "REGISTRY_UNAVAILABLE")
    /// A registry answered with something we must not trust (bad signature, malformed).
    public static let registryResponseInvalid = ReasonCode(rawValue: "REGISTRY_RESPONSE_INVALID")
    /// The child already has an active voucher for an overlapping period.
    public static let duplicateVoucher = ReasonCode(rawValue: "DUPLICATE_VOUCHER")
    /// The provider is not in the business registry.
    public static let providerNotFound = ReasonCode(rawValue: "PROVIDER_NOT_FOUND")
    /// The provider is not active (suspended, liquidated …).
    public static let providerInactive = ReasonCode(rawValue: "PROVIDER_INACTIVE")
    /// The provider has not passed qualification.
    public static let providerNotQualified = ReasonCode(rawValue: "PROVIDER_NOT_QUALIFIED")
    /// The provider's head does not match the registry.
    public static let headIdentityMismatch = ReasonCode(rawValue: "HEAD_IDENTITY_MISMATCH")
    /// A coach lacks identity, life status, diploma, category or clearance.
    public static let coachNotQualified = ReasonCode(rawValue: "COACH_NOT_QUALIFIED")
    /// The section requires a sports medical clearance the child does not have.
    public static let sportsClearanceMissing = ReasonCode(rawValue: "SPORTS_CLEARANCE_MISSING")
    /// Priority category: disability (informational).
    public static let priorityDisability = ReasonCode(rawValue: "PRIORITY_DISABILITY")
    /// Priority category: chronic condition on dispensary registration (informational).
    public static let priorityChronicCondition = ReasonCode(rawValue: "PRIORITY_CHRONIC_CONDITION")
    /// No confirmed consent to process this person's data.
    public static let consentRequired = ReasonCode(rawValue: "CONSENT_REQUIRED")

    // MARK: - Provider qualification

    /// The provider check names no head although the provider is a legal entity: an operator must look.
    public static let headNotDeclared = ReasonCode(rawValue: "HEAD_NOT_DECLARED")
    /// The head's identity could not be confirmed automatically (names close but not close enough, or the business
    /// registry names no head).
    public static let headIdentityUncertain = ReasonCode(rawValue: "HEAD_IDENTITY_UNCERTAIN")
    /// The individuals registry records the provider's head (or the entrepreneur) as deceased.
    public static let headDeceased = ReasonCode(rawValue: "HEAD_DECEASED")
    /// The provider check declares no coaches: nothing to qualify them on.
    public static let coachesNotDeclared = ReasonCode(rawValue: "COACHES_NOT_DECLARED")
    /// A coach is not in the individuals registry (the registry said so).
    public static let coachNotFound = ReasonCode(rawValue: "COACH_NOT_FOUND")
    /// A coach's declared names do not match the individuals registry.
    public static let coachIdentityMismatch = ReasonCode(rawValue: "COACH_IDENTITY_MISMATCH")
    /// A coach's declared names are close to the registry's but not close enough to accept automatically.
    public static let coachIdentityUncertain = ReasonCode(rawValue: "COACH_IDENTITY_UNCERTAIN")
    /// The individuals registry records a coach as deceased.
    public static let coachDeceased = ReasonCode(rawValue: "COACH_DECEASED")
    /// The education database holds no educator record for a coach (the registry said so).
    public static let coachNotInEducationRegistry = ReasonCode(rawValue: "COACH_NOT_IN_EDUCATION_REGISTRY")
    /// A coach has no diploma with a specialty relevant to the section type.
    public static let coachDiplomaMissing = ReasonCode(rawValue: "COACH_DIPLOMA_MISSING")
    /// A coach has no qualification category (none, «без категории», or the base level «педагог»).
    public static let coachCategoryMissing = ReasonCode(rawValue: "COACH_CATEGORY_MISSING")
    /// A coach's qualification category has expired.
    public static let coachCategoryExpired = ReasonCode(rawValue: "COACH_CATEGORY_EXPIRED")
    /// A coach of a sport section has no valid sports medical clearance.
    public static let coachClearanceMissing = ReasonCode(rawValue: "COACH_CLEARANCE_MISSING")
}

/// The Russian and Kazakh texts of every reason code.
enum ReasonCatalogue {
    static let messages: [ReasonCode: (ru: String, kk: String)] = [
        .personNotFound: ("Лицо не найдено в ГБД ФЛ", "Тұлға ЖТ МДҚ-да табылмады"),
        .personDeceased: ("По данным ГБД ФЛ лицо умерло", "ЖТ МДҚ деректері бойынша тұлға қайтыс болған"),
        .nameMismatch: ("ФИО не совпадает с данными ГБД ФЛ", "Аты-жөні ЖТ МДҚ деректерімен сәйкес келмейді"),
        .birthDateMismatch: ("Дата рождения не совпадает с данными ГБД ФЛ", "Туған күні ЖТ МДҚ деректерімен сәйкес келмейді"),
        .identityUncertain: ("Данные совпадают с ГБД ФЛ не полностью, требуется проверка", "Деректер ЖТ МДҚ-мен толық сәйкес емес, тексеру қажет"),
        .birthDateInvalid: ("Дата рождения указана неверно", "Туған күні қате көрсетілген"),
        .parentNotFound: ("Родитель не найден в ГБД ФЛ", "Ата-ана ЖТ МДҚ-да табылмады"),
        .parentDeceased: ("По данным ГБД ФЛ родитель умер", "ЖТ МДҚ деректері бойынша ата-ана қайтыс болған"),
        .parentIdentityMismatch: ("Данные родителя не совпадают с ГБД ФЛ", "Ата-ана деректері ЖТ МДҚ-мен сәйкес келмейді"),
        .parentIdentityUncertain: ("Данные родителя совпадают не полностью, требуется проверка", "Ата-ана деректері толық сәйкес емес, тексеру қажет"),
        .parentLinkMissing: ("Нет сведений о родстве (запись акта о рождении не оцифрована)", "Туыстық туралы мәлімет жоқ (туу туралы акт жазбасы цифрландырылмаған)"),
        .parentLinkMismatch: ("В актовой записи о рождении указан другой родитель", "Туу туралы акт жазбасында басқа ата-ана көрсетілген"),
        .parentLinkByAddress: ("Родство подтверждено общим адресом регистрации", "Туыстық ортақ тіркеу мекенжайымен расталды"),
        .regionMismatch: ("Ребёнок зарегистрирован в другом регионе", "Бала басқа өңірде тіркелген"),
        .regionUnknown: ("Регион не распознан", "Өңір анықталмады"),
        .ageOutOfRange: ("Возраст ребёнка вне диапазона программы", "Баланың жасы бағдарлама ауқымынан тыс"),
        .notEnrolled: ("Ребёнок школьного возраста не числится в НОБД", "Мектеп жасындағы бала ҰБДҚ-да тіркелмеген"),
        .registryUnavailable: ("Государственная база данных временно недоступна", "Мемлекеттік дерекқор уақытша қолжетімсіз"),
        .registryResponseInvalid: ("Ответ базы данных не прошёл проверку подписи или формата", "Дерекқор жауабы қолтаңба немесе формат тексеруінен өтпеді"),
        .duplicateVoucher: ("У ребёнка уже есть активный ваучер на этот период", "Баланың осы кезеңге белсенді ваучері бар"),
        .providerNotFound: ("Поставщик не найден в ГБД ЮЛ", "Жеткізуші ЗТ МДҚ-да табылмады"),
        .providerInactive: ("Поставщик не действует", "Жеткізуші әрекет етпейді"),
        .providerNotQualified: ("Поставщик не прошёл квалификацию", "Жеткізуші біліктіліктен өтпеді"),
        .headIdentityMismatch: ("Руководитель не совпадает с данными ГБД ЮЛ", "Басшы ЗТ МДҚ деректерімен сәйкес келмейді"),
        .coachNotQualified: ("Тренер не соответствует квалификационным требованиям", "Жаттықтырушы біліктілік талаптарына сәйкес келмейді"),
        .sportsClearanceMissing: ("Нет медицинского допуска к занятиям спортом", "Спортпен айналысуға медициналық рұқсат жоқ"),
        .priorityDisability: ("Приоритетная категория: инвалидность", "Басым санат: мүгедектік"),
        .priorityChronicCondition: ("Приоритетная категория: хроническое заболевание", "Басым санат: созылмалы ауру"),
        .consentRequired: ("Нет подтверждённого согласия на обработку персональных данных", "Дербес деректерді өңдеуге расталған келісім жоқ"),
        .headNotDeclared: ("Не указан руководитель поставщика", "Жеткізушінің басшысы көрсетілмеген"),
        .headIdentityUncertain: ("Личность руководителя не подтверждена автоматически, требуется проверка", "Басшының жеке басы автоматты түрде расталмады, тексеру қажет"),
        .headDeceased: ("По данным ГБД ФЛ руководитель умер", "ЖТ МДҚ деректері бойынша басшы қайтыс болған"),
        .coachesNotDeclared: ("Не указан ни один тренер (педагог)", "Бірде-бір жаттықтырушы (педагог) көрсетілмеген"),
        .coachNotFound: ("Тренер не найден в ГБД ФЛ", "Жаттықтырушы ЖТ МДҚ-да табылмады"),
        .coachIdentityMismatch: ("ФИО тренера не совпадает с данными ГБД ФЛ", "Жаттықтырушының аты-жөні ЖТ МДҚ деректерімен сәйкес келмейді"),
        .coachIdentityUncertain: ("Данные тренера совпадают не полностью, требуется проверка", "Жаттықтырушы деректері толық сәйкес емес, тексеру қажет"),
        .coachDeceased: ("По данным ГБД ФЛ тренер умер", "ЖТ МДҚ деректері бойынша жаттықтырушы қайтыс болған"),
        .coachNotInEducationRegistry: ("Тренер не числится педагогом в НОБД", "Жаттықтырушы ҰБДҚ-да педагог ретінде тіркелмеген"),
        .coachDiplomaMissing: ("У тренера нет диплома по специальности, соответствующей секции", "Жаттықтырушының секцияға сәйкес мамандық бойынша дипломы жоқ"),
        .coachCategoryMissing: ("У тренера нет квалификационной категории", "Жаттықтырушының біліктілік санаты жоқ"),
        .coachCategoryExpired: ("Срок квалификационной категории тренера истёк", "Жаттықтырушының біліктілік санатының мерзімі өтті"),
        .coachClearanceMissing: ("У тренера спортивной секции нет действующего медицинского допуска", "Спорт секциясы жаттықтырушысының қолданыстағы медициналық рұқсаты жоқ"),
    ]

    static func fallback(_ code: String) -> (ru: String, kk: String) {
        if code.hasPrefix("IIN_") { return ("ИИН указан неверно (\(code))", "ЖСН қате көрсетілген (\(code))") }
        if code.hasPrefix("BIN_") { return ("БИН указан неверно (\(code))", "БСН қате көрсетілген (\(code))") }
        return ("Причина: \(code)", "Себебі: \(code)")
    }
}
