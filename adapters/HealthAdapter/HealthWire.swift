/// The health registry's JSON documents, as received (internal: mapped to Verification's records by
/// ``HealthMapping``).
enum HealthWire {
    struct Patient: Decodable {
        let iin: String
        let surname: String?
        let firstName: String?
        let patronymic: String?
        let birthDate: String?
        let gender: String?
        let attachment: Attachment?
        let disabilities: [Disability]?
        let dispensary: [Dispensary]?
        let sportsClearances: [Clearance]?
    }

    struct Organization: Decodable {
        let bin: String?
        let nameRu: String?
        let katoCode: String?
    }

    struct Attachment: Decodable {
        let organization: Organization
        let territorialSite: Int?
        let attachedFrom: String?
        let attachedTo: String?
    }

    struct Disability: Decodable {
        let category: String
        let cause: String?
        let from: String?
        let until: String?
        let icd10Main: String?
    }

    struct Dispensary: Decodable {
        let icd10: String
        let diagnosisNameRu: String?
        let takenOn: String?
        let removedOn: String?
    }

    struct Clearance: Decodable {
        let clearanceId: String
        let issuedOn: String?
        let validUntil: String?
        let issuer: Organization?
        let admitted: Bool
        let healthGroup: String?
    }
}
