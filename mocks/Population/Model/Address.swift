/// A registered address (прописка) of a synthetic household.
///
/// `katoCode` is a nine-digit КАТО code: the region level (`NN0000000`) and region centres (`NN1010000`)
/// follow the real scheme; lower levels are synthetic but keep the shape.
public struct Address: Sendable, Hashable {
    /// Nine-digit КАТО code of the region (`NN0000000`).
    public let regionKATO: String
    /// Nine-digit КАТО code of the settlement.
    public let katoCode: String
    /// Settlement name in Russian, e.g. "Кокшетау" or "с. Акмола-3".
    public let locality: String
    /// Street name in Russian, with its prefix ("ул.", "пр.", "мкр.").
    public let street: String
    /// House number.
    public let building: Int
    /// Flat number; `nil` for a private house.
    public let flat: Int?

    /// Creates an address from its parts.
    public init(regionKATO: String, katoCode: String, locality: String, street: String, building: Int, flat: Int?) {
        self.regionKATO = regionKATO
        self.katoCode = katoCode
        self.locality = locality
        self.street = street
        self.building = building
        self.flat = flat
    }

    /// The region this address lies in.
    public var region: Region? { Region.byKATO(regionKATO) }

    /// One line in Russian: "г. Кокшетау, ул. Абая, д. 12, кв. 34".
    public var lineRu: String {
        var text = locality + ", " + street + ", д. " + String(building)
        if let flat { text += ", кв. " + String(flat) }
        return text
    }
}
