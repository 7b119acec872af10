public import Identifiers
public import Matching
public import Normalization

/// A person as the individuals registry (ГБД ФЛ) states them.
///
/// The registry is the reference: its names are upper-case Cyrillic (with the passport's Latin spelling beside
/// them), its birth date wins over the one derivable from the IIN, and its life status says whether the person is
/// alive. `CustomStringConvertible` prints only the masked IIN.
public struct PersonRecord: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The person's IIN (the key the registry was asked for).
    public var iin: IIN
    /// Surname (upper-case Cyrillic as stored).
    public var surname: String
    /// First name.
    public var firstName: String
    /// Patronymic; `nil` when the person has none.
    public var patronymic: String?
    /// Latin surname from the identity document, when any.
    public var latinSurname: String?
    /// Latin first name from the identity document, when any.
    public var latinFirstName: String?
    /// Birth date.
    public var birthDate: CalendarDate?
    /// Sex.
    public var gender: Gender?
    /// Citizenship (ISO 3166 numeric code, `398` = Kazakhstan).
    public var citizenship: CodedValue?
    /// Nationality (ethnicity; national dictionary, `005` = Kazakh).
    public var nationality: CodedValue?
    /// Alive or deceased.
    public var lifeStatus: LifeStatus
    /// Date of death, when deceased and known.
    public var deathDate: CalendarDate?
    /// The registered address, when any.
    public var registeredAddress: RegisteredAddress?
    /// Identity documents (history included; children usually have none).
    public var documents: [IdentityDocument]

    /// Creates a record.
    public init(
        iin: IIN, surname: String, firstName: String, patronymic: String? = nil, latinSurname: String? = nil, latinFirstName: String? = nil,
        birthDate: CalendarDate? = nil, gender: Gender? = nil, citizenship: CodedValue? = nil, nationality: CodedValue? = nil,
        lifeStatus: LifeStatus = .alive, deathDate: CalendarDate? = nil, registeredAddress: RegisteredAddress? = nil,
        documents: [IdentityDocument] = []
    ) {
        self.iin = iin
        self.surname = surname
        self.firstName = firstName
        self.patronymic = patronymic
        self.latinSurname = latinSurname
        self.latinFirstName = latinFirstName
        self.birthDate = birthDate
        self.gender = gender
        self.citizenship = citizenship
        self.nationality = nationality
        self.lifeStatus = lifeStatus
        self.deathDate = deathDate
        self.registeredAddress = registeredAddress
        self.documents = documents
    }

    /// Whether the registry says the person died (`lifeStatus` deceased, or a death date present).
    public var isDeceased: Bool { lifeStatus == .deceased || deathDate != nil }

    /// The fields `Matching` compares: names, birth date, sex and the region of the registered address.
    public var personFields: PersonFields {
        PersonFields(
            surname: surname, firstName: firstName, patronymic: patronymic, birthDate: birthDate, gender: gender,
            region: registeredAddress?.region)
    }

    /// `PersonRecord(<masked IIN>)` — never the names.
    public var description: String { "PersonRecord(\(iin.masked))" }
}

/// A person's life status in ГБД ФЛ (`lifeStatus` code).
public struct LifeStatus: RawRepresentable, Sendable, Hashable, Codable {
    /// The registry's code.
    public var rawValue: String
    /// Creates a status from the registry's code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `0` «Нормальный»: alive.
    public static let alive = LifeStatus(rawValue: "0")
    /// `1` «Умерший»: deceased (a mock code; the production code is not public).
    public static let deceased = LifeStatus(rawValue: "1")
}

/// The registered address of a person, as far as the gateway needs it.
public struct RegisteredAddress: Sendable, Hashable, Codable {
    /// The КАТО code of the settlement, when the registry gives one.
    public var katoCode: String?
    /// The region the address lies in (from the КАТО code, else from the registry's region code).
    public var region: AdministrativeRegion?
    /// Locality (city, village).
    public var locality: String?
    /// Street.
    public var street: String?
    /// Building.
    public var building: String?
    /// Flat.
    public var flat: String?

    /// Creates an address.
    public init(
        katoCode: String? = nil, region: AdministrativeRegion? = nil, locality: String? = nil, street: String? = nil, building: String? = nil,
        flat: String? = nil
    ) {
        self.katoCode = katoCode
        self.region = region
        self.locality = locality
        self.street = street
        self.building = building
        self.flat = flat
    }
}

/// One identity document in a person's history (names as printed on it, which may be old names).
public struct IdentityDocument: Sendable, Hashable, Codable {
    /// Type (`001` passport, `002` ID card, `015` foreign passport).
    public var type: CodedValue
    /// Document number (personal data: never log it).
    public var number: String
    /// Issue date.
    public var beginDate: CalendarDate?
    /// Expiry date.
    public var endDate: CalendarDate?
    /// Status (`00` valid; other codes invalidate it).
    public var status: CodedValue?

    /// Creates a document.
    public init(type: CodedValue, number: String, beginDate: CalendarDate? = nil, endDate: CalendarDate? = nil, status: CodedValue? = nil) {
        self.type = type
        self.number = number
        self.beginDate = beginDate
        self.endDate = endDate
        self.status = status
    }

    /// Whether the status says the document is valid (`00`).
    public var isValid: Bool { status?.code == "00" }
}
