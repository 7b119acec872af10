/// The business result (`data/messageResult`) a SOAP mock puts inside a successful `SendMessageResponse`.
///
/// `00000` is ГБД ФЛ's real success code; the others are the mocks' own (the real codes are not public):
///
/// | code | nameRu | when |
/// |---|---|---|
/// | `00000` | Сообщение успешно обработано | records found |
/// | `00002` | Некорректный идентификатор | the IIN/BIN is missing or fails its checksum |
/// | `00003` | Сведения не найдены | no record for a valid identifier |
struct BusinessResult: Sendable, Hashable {
    let code: String
    let nameRu: String
    let nameKz: String

    static let success = BusinessResult(code: "00000", nameRu: "Сообщение успешно обработано", nameKz: "Хабарлама сәтті өңделді")
    static let invalidIdentifier = BusinessResult(code: "00002", nameRu: "Некорректный идентификатор", nameKz: "Сәйкестендіргіш қате")
    static let notFound = BusinessResult(code: "00003", nameRu: "Сведения не найдены", nameKz: "Мәліметтер табылмады")
}

/// The registry that answers, as the data-level `sender` dictionary item names it.
struct RegistryParty: Sendable, Hashable {
    let code: String
    let nameRu: String
    let nameKz: String

    static let individuals = RegistryParty(code: "GBDFL", nameRu: "ГБД Физические лица", nameKz: "ЖТ МДҚ")
    static let education = RegistryParty(code: "NOBD", nameRu: "Национальная образовательная база данных", nameKz: "Ұлттық білім беру деректер қоры")
    static let business = RegistryParty(code: "GBDUL", nameRu: "ГБД Юридические лица", nameKz: "ЗТ МДҚ")
}
