import Identifiers
import Population

/// JSON bodies of the health mock (`registries.md` §3, mock shapes).
enum HealthDocuments {
    struct Token: Encodable {
        let access_token: String
        let token_type: String
        let expires_in: Int
    }

    struct OAuthError: Encodable {
        let error: String
        let error_description: String
    }

    struct Patient: Encodable {
        let iin: String
        let surname: String
        let firstName: String
        let patronymic: String?
        let birthDate: String
        let gender: String
        let attachment: AttachmentDocument?
        let disabilities: [DisabilityDocument]
        let dispensary: [DispensaryDocument]
        let sportsClearances: [ClearanceDocument]

        init(_ record: PatientRecord, organisations: BusinessRegistry) {
            let person = record.person
            iin = person.iin.unmasked
            surname = person.surname
            firstName = person.firstName
            patronymic = person.patronymic
            birthDate = person.birthDate.description
            gender = person.gender == .male ? "1" : "2"
            attachment = record.attachment.map { AttachmentDocument($0, organisations: organisations) }
            disabilities = record.disabilities.map(DisabilityDocument.init)
            dispensary = record.dispensary.map(DispensaryDocument.init)
            sportsClearances = record.clearances.map { ClearanceDocument($0, organisations: organisations) }
        }
    }

    struct Organization: Encodable {
        let bin: String
        let nameRu: String?
        let katoCode: String?

        init(_ bin: BIN, organisations: BusinessRegistry) {
            self.bin = bin.text
            let entity = organisations.legalEntity(bin)
            nameRu = entity?.nameRu
            katoCode = entity?.katoCode
        }
    }

    struct AttachmentDocument: Encodable {
        let organization: Organization
        let territorialSite: Int
        let attachedFrom: String
        let attachedTo: String?
        let current: Bool

        init(_ attachment: Attachment, organisations: BusinessRegistry) {
            organization = Organization(attachment.organizationBIN, organisations: organisations)
            territorialSite = attachment.territorialSite
            attachedFrom = attachment.attachedFrom.description
            attachedTo = attachment.attachedTo?.description
            current = attachment.attachedTo == nil
        }
    }

    struct DisabilityDocument: Encodable {
        let source: String
        let category: String
        let cause: String
        let from: String
        let until: String?
        let icd10Main: String

        init(_ disability: Disability) {
            source = "MSE"
            category = disability.category.rawValue
            cause = disability.cause
            from = disability.from.description
            until = disability.until?.description
            icd10Main = disability.icd10
        }
    }

    struct DispensaryDocument: Encodable {
        let icd10: String
        let diagnosisNameRu: String
        let takenOn: String
        let removedOn: String?
        let active: Bool

        init(_ registration: DispensaryRegistration) {
            icd10 = registration.icd10
            diagnosisNameRu = registration.diagnosisRu
            takenOn = registration.takenOn.description
            removedOn = registration.removedOn?.description
            active = registration.removedOn == nil
        }
    }

    struct ClearanceDocument: Encodable {
        let clearanceId: String
        let issuedOn: String
        let validUntil: String
        let issuer: Organization
        let admitted: Bool
        let healthGroup: String

        init(_ clearance: SportsClearance, organisations: BusinessRegistry) {
            clearanceId = clearance.clearanceID
            issuedOn = clearance.issuedOn.description
            validUntil = clearance.validUntil.description
            issuer = Organization(clearance.issuerBIN, organisations: organisations)
            admitted = clearance.admitted
            healthGroup = clearance.healthGroup.rawValue
        }
    }

    struct Collection<Item: Encodable>: Encodable {
        let iin: String
        let items: [Item]
    }
}
