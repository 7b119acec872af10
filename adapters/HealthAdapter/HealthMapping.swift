import Foundation
import Identifiers
import Verification

/// Pure mapping from the health registry's JSON to ``HealthFacts`` (see README for the field table).
enum HealthMapping {
    /// A mapping failure: the element path, never the value.
    struct Failure: Error {
        let field: String
    }

    /// Decodes and maps `GET /api/v1/patients/{iin}`; the answer must be about `iin`.
    static func healthFacts(from body: [UInt8], iin: IIN) throws(Failure) -> HealthFacts {
        let patient: HealthWire.Patient
        do {
            patient = try JSONDecoder().decode(HealthWire.Patient.self, from: Data(body))
        } catch {
            throw Failure(field: "patient")
        }
        guard patient.iin == iin.unmasked else { throw Failure(field: "patient/iin") }
        return try healthFacts(patient, iin: iin)
    }

    static func healthFacts(_ patient: HealthWire.Patient, iin: IIN) throws(Failure) -> HealthFacts {
        let gender: Gender? =
            switch patient.gender {
            case "1": .male
            case "2": .female
            default: nil
            }
        return HealthFacts(
            patient: PersonReference(
                iin: iin, surname: patient.surname, firstName: patient.firstName, patronymic: patient.patronymic,
                birthDate: try date(patient.birthDate, "patient/birthDate"), gender: gender),
            attachment: try patient.attachment.map { attachment throws(Failure) in
                HealthAttachment(
                    organization: try institution(attachment.organization, "attachment/organization"), territorialSite: attachment.territorialSite,
                    attachedFrom: try date(attachment.attachedFrom, "attachment/attachedFrom"),
                    attachedTo: try date(attachment.attachedTo, "attachment/attachedTo"))
            },
            disabilities: try (patient.disabilities ?? []).map { item throws(Failure) in
                DisabilityRecord(
                    category: item.category, cause: item.cause, from: try date(item.from, "disabilities/from"),
                    until: try date(item.until, "disabilities/until"), icd10Main: item.icd10Main)
            },
            dispensary: try (patient.dispensary ?? []).map { item throws(Failure) in
                DispensaryRegistration(
                    icd10: item.icd10, diagnosisNameRu: item.diagnosisNameRu, takenOn: try date(item.takenOn, "dispensary/takenOn"),
                    removedOn: try date(item.removedOn, "dispensary/removedOn"))
            },
            sportsClearances: try (patient.sportsClearances ?? []).map { item throws(Failure) in
                SportsClearance(
                    clearanceId: item.clearanceId, issuedOn: try date(item.issuedOn, "sportsClearances/issuedOn"),
                    validUntil: try date(item.validUntil, "sportsClearances/validUntil"),
                    issuer: try item.issuer.map { issuer throws(Failure) in try institution(issuer, "sportsClearances/issuer") }, admitted: item.admitted,
                    healthGroup: item.healthGroup)
            })
    }

    private static func date(_ text: String?, _ field: String) throws(Failure) -> CalendarDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = CalendarDate(registryText: text) else { throw Failure(field: field) }
        return date
    }

    private static func institution(_ organization: HealthWire.Organization, _ field: String) throws(Failure) -> Institution {
        var bin: BIN?
        if let text = organization.bin {
            do { bin = try BIN(text) } catch { throw Failure(field: "\(field)/bin") }
        }
        return Institution(bin: bin, nameRu: organization.nameRu, katoCode: organization.katoCode)
    }
}
