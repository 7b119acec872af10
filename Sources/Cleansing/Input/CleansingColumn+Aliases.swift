extension CleansingColumn {
    /// Header names recognised for this field, in Russian, Kazakh and English, and the declarations export of the
    /// synthetic population (`parent_iin`, …, `id`). Compared as ``HeaderKey``s: case, spaces, punctuation and a
    /// BOM do not matter.
    public var headerAliases: [String] {
        switch self {
        case .iin:
            [
                "ИИН", "ИИН родителя", "ИИН заявителя", "ИИН законного представителя", "ИИН получателя",
                "ЖСН", "Ата-ананың ЖСН", "Өтініш берушінің ЖСН",
                "IIN", "parent_iin", "parent IIN", "applicant IIN",
            ]
        case .surname:
            [
                "Фамилия", "Фам", "Фамилия родителя", "Тегі", "Теги", "Ата-ананың тегі",
                "surname", "last_name", "family_name", "parent_surname", "parent_last_name",
            ]
        case .firstName:
            [
                "Имя", "Имя родителя", "Аты", "Есімі", "Ата-ананың аты",
                "first_name", "firstname", "given_name", "name", "parent_first_name",
            ]
        case .patronymic:
            [
                "Отчество", "Отч", "Отчество родителя", "Әкесінің аты", "Акесинин аты", "Әкесінің есімі",
                "patronymic", "middle_name", "parent_patronymic", "parent_middle_name",
            ]
        case .birthDate:
            [
                "Дата рождения", "Дата рожд", "ДР", "Дата рождения родителя", "Туған күні", "Туган куни", "Туылған күні",
                "birth_date", "birthdate", "date_of_birth", "dob", "parent_birth_date",
            ]
        case .phone:
            [
                "Телефон", "Тел", "Моб телефон", "Мобильный телефон", "Номер телефона", "Контактный телефон", "Телефон родителя",
                "Ұялы телефон", "Телефон нөмірі", "Байланыс телефоны",
                "phone", "mobile", "phone_number", "mobile_phone", "parent_phone",
            ]
        case .region:
            [
                "Регион", "Область", "Регион/Область", "Регион / область", "Область/город", "Өңір", "Облыс", "Аймақ",
                "region", "oblast", "parent_region",
            ]
        case .childIIN:
            [
                "ИИН ребёнка", "ИИН ребенка", "Баланың ЖСН", "child_iin", "child IIN",
            ]
        case .recordID:
            [
                "id", "record_id", "ID записи", "Номер записи", "Идентификатор", "Код записи", "Жазба нөмірі",
                "declaration_id",
            ]
        }
    }

    /// Whether a file without this column cannot be cleansed at all: only the IIN.
    public var isRequired: Bool { self == .iin }

    /// Every alias's key → its column, built once.
    static let aliasIndex: [HeaderKey: CleansingColumn] = {
        var index: [HeaderKey: CleansingColumn] = [:]
        for column in CleansingColumn.allCases {
            index[HeaderKey(column.rawValue)] = column
            for alias in column.headerAliases { index[HeaderKey(alias)] = column }
        }
        return index
    }()

    /// The column a header name means, if it is one we know.
    public init?(headerName: String) {
        guard let column = Self.aliasIndex[HeaderKey(headerName)] else { return nil }
        self = column
    }
}
