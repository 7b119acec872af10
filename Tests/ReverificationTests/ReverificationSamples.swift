import Foundation
import Identifiers
import Normalization
import Reverification
import Verification

/// Hand-made subjects and evidence for the pure parts (policy, contradictions, anomalies).
enum ReverificationSamples {
    /// A valid IIN for a birth date (yyMMdd) and serial; `century` 5/6 for the 2000s.
    static func iin(_ yymmdd: String, century: Character = "5", serial: Int) -> IIN {
        for extra in 0..<40 {
            var digits = String(serial + extra)
            while digits.count < 4 { digits = "0" + digits }
            let prefix = yymmdd + String(century) + digits.suffix(4)
            let bytes = prefix.unicodeScalars.map { UInt8($0.value - 0x30) }
            if let check = IIN.checkDigit(forPrefix: bytes), let iin = try? IIN(prefix + String(check)) { return iin }
        }
        fatalError("no issuable IIN near \(yymmdd)")
    }

    /// A valid BIN registered in `yymm` (legal entity, head unit) near `serial`.
    static func bin(_ yymm: String, serial: Int) -> String {
        for extra in 0..<40 {
            var digits = String(serial + extra)
            while digits.count < 5 { digits = "0" + digits }
            let prefix = yymm + "40" + digits.suffix(5)
            let bytes = prefix.unicodeScalars.map { UInt8($0.value - 0x30) }
            if let check = IIN.checkDigit(forPrefix: bytes), let bin = try? BIN(prefix + String(check)) { return bin.text }
        }
        fatalError("no valid BIN near \(yymm)")
    }

    static let child = iin("150310", century: "5", serial: 120)
    static let parent = iin("850415", century: "4", serial: 330)
    static let father = iin("830101", century: "3", serial: 440)
    static let providerBIN = bin("1803", serial: 2111)
    static let otherBIN = bin("1904", serial: 1234)
    static let start = CalendarDate(year: 2025, month: 9, day: 1)!

    static func subject(voucher: String = "vch_1", child: IIN = child, provider: String = providerBIN, coaches: [String] = [],
                        type: ProviderSectionType? = .sport, schedule: [ScheduleSlot] = [], activationReasons: [String] = []) -> ReverificationSubject {
        ReverificationSubject(
            voucherID: voucher, decisionID: "dec_1",
            programme: VoucherProgramme(id: "p", region: .almaty, periodStart: start, periodEnd: CalendarDate(year: 2026, month: 5, day: 31)!),
            providerID: provider, section: VoucherSection(name: "Футбол", type: type, schedule: schedule),
            child: .init(iin: child.unmasked, surname: "АХМЕТОВ", firstName: "АЛИХАН", birthDate: "10.03.2015"),
            parent: .init(iin: parent.unmasked, surname: "АХМЕТОВА", firstName: "АЙГЕРИМ"), coachIINs: coaches, activationReasons: activationReasons)
    }

    static func answer(_ registry: RegistryName, _ id: String) -> RegistryEvidence {
        RegistryEvidence(registry: registry, messageId: id, receivedAt: Date(timeIntervalSince1970: 0))
    }

    static var address: RegisteredAddress { RegisteredAddress(katoCode: "751010000", region: .almaty, locality: "Алматы", street: "Абая", building: "1") }

    /// Evidence in which everything is as at activation; adjust the parts a test is about.
    static func evidence(
        childDeceased: Bool = false, childRegion: AdministrativeRegion = .almaty, enrolment: RegistryResult<StudentEnrolment>? = nil,
        provider: RegistryResult<BusinessStatus> = .found(.active, evidence: answer(.business, "b-1")), health: RegistryResult<HealthFacts>? = nil,
        individualsDown: Bool = false, fatherResult: RegistryResult<PersonRecord>? = nil
    ) -> ReverificationEvidence {
        var childAddress = address
        childAddress.region = childRegion
        let childRecord = PersonRecord(
            iin: child, surname: "АХМЕТОВ", firstName: "АЛИХАН", birthDate: CalendarDate(year: 2015, month: 3, day: 10), gender: .male,
            lifeStatus: childDeceased ? .deceased : .alive, registeredAddress: childAddress)
        let parentRecord = PersonRecord(
            iin: parent, surname: "АХМЕТОВА", firstName: "АЙГЕРИМ", birthDate: CalendarDate(year: 1985, month: 4, day: 15), gender: .female,
            registeredAddress: address)
        let act = BirthRecord(actNumber: "1", child: PersonReference(iin: child), mother: PersonReference(iin: parent), father: PersonReference(iin: father))
        let family = FamilyEvidence(
            child: individualsDown ? .unavailable(.timeout) : .found(childRecord, evidence: answer(.individuals, "i-child")),
            parent: individualsDown ? .unavailable(.timeout) : .found(parentRecord, evidence: answer(.individuals, "i-parent")),
            birthRecords: individualsDown ? .unavailable(.timeout) : .found([act], evidence: answer(.individuals, "i-acts")),
            health: health ?? .found(HealthFacts(patient: PersonReference(iin: child)), evidence: answer(.health, "h-1")))
        let studying = StudentEnrolment(pupil: PersonReference(iin: child), school: Institution(), status: .studying)
        return ReverificationEvidence(
            activation: VoucherActivationEvidence(
                family: family, enrolment: enrolment ?? .found(studying, evidence: answer(.education, "e-1")), provider: provider),
            birthRecordParents: [father: fatherResult ?? .found(PersonRecord(iin: father, surname: "АХМЕТОВ", firstName: "БОЛАТ"), evidence: answer(.individuals, "i-father"))])
    }
}
