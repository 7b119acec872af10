import Cleansing
import Foundation
import Identifiers
import Matching
import Normalization
import Verification

/// An in-memory individuals registry for pipeline tests: answers from a dictionary, or fails the way it is told.
struct PipelineFakePersons: PersonRegistry {
    /// How the fake answers.
    enum Behaviour: Sendable {
        case answer
        case unavailable(UnavailabilityReason)
        case invalid(InvalidResponseReason)
        /// Never answers on its own (until cancelled), so only the deadline ends the call.
        case hang
    }

    var records: [IIN: PersonRecord] = [:]
    var behaviour: Behaviour = .answer
    var calls: CallCounter = CallCounter()

    func person(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<PersonRecord> {
        calls.increment()
        switch behaviour {
        case .answer:
            let evidence = RegistryEvidence(registry: .individuals, messageId: "m-1", receivedAt: Date(timeIntervalSince1970: 0))
            if let record = records[iin] { return .found(record, evidence: evidence) }
            return .notFound(evidence: evidence)
        case .unavailable(let reason): return .unavailable(reason)
        case .invalid(let reason): return .invalidResponse(reason)
        case .hang:
            do { try await Task.sleep(for: .seconds(3_600)) } catch { return .unavailable(.cancelled) }
            return .unavailable(.timeout)
        }
    }
}

/// Counts registry calls across tasks.
final class CallCounter: @unchecked Sendable {
    // Invariant: `count` is only touched while holding `lock`.
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// Sample people and rows.
enum PipelineSamples {
    /// A generous deadline for in-memory fakes.
    static var deadline: Deadline { .after(.seconds(60)) }

    /// A valid IIN for a birth date (yyMMdd) and serial: century digit for 1900s, check digit computed.
    static func iin(_ yymmdd: String, century: Character = "3", serial: Int) -> IIN {
        var serialDigits = String(serial)
        while serialDigits.count < 4 { serialDigits = "0" + serialDigits }
        for extra in 0..<10 {
            let prefix = yymmdd + String(century) + String(serialDigits.prefix(3)) + String((Int(String(serialDigits.last!))! + extra) % 10)
            let digits = prefix.unicodeScalars.map { UInt8($0.value - 0x30) }
            if let check = IIN.checkDigit(forPrefix: digits) { return try! IIN(prefix + String(check)) }
        }
        fatalError("no issuable IIN near \(yymmdd)")
    }

    /// The same twelve digits with the check digit changed (fails the local check).
    static func badChecksum(_ iin: IIN) -> String {
        let text = iin.unmasked
        let last = Int(String(text.last!))!
        return String(text.dropLast()) + String((last + 1) % 10)
    }

    static let aliya = iin("850415", century: "4", serial: 121)
    static let erlan = iin("790302", century: "3", serial: 455)
    static let dead = iin("450101", century: "3", serial: 777)

    static let records: [IIN: PersonRecord] = [
        aliya: PersonRecord(
            iin: aliya, surname: "НҰРЛАНОВА", firstName: "ӘЛИЯ", patronymic: "СЕРІКҚЫЗЫ", birthDate: CalendarDate(year: 1985, month: 4, day: 15),
            gender: .female),
        erlan: PersonRecord(
            iin: erlan, surname: "АХМЕТОВ", firstName: "ЕРЛАН", patronymic: "БОЛАТОВИЧ", birthDate: CalendarDate(year: 1979, month: 3, day: 2),
            gender: .male),
        dead: PersonRecord(
            iin: dead, surname: "ИВАНОВ", firstName: "ПЁТР", patronymic: "СЕМЁНОВИЧ", birthDate: CalendarDate(year: 1945, month: 1, day: 1),
            gender: .male, lifeStatus: .deceased, deathDate: CalendarDate(year: 2020, month: 5, day: 1)),
    ]

    static func persons(_ behaviour: PipelineFakePersons.Behaviour = .answer) -> PipelineFakePersons {
        PipelineFakePersons(records: records, behaviour: behaviour)
    }

    /// A row as a file would give it; `nil` leaves the column out of the file.
    static func row(
        line: Int = 2, iin: String? = nil, surname: String? = nil, firstName: String? = nil, patronymic: String? = nil,
        birthDate: String? = nil, phone: String? = "+77011234567", region: String? = nil, childIIN: String? = nil, recordID: String? = nil
    ) -> CleansingInputRow {
        var fields: [CleansingColumn: String] = [:]
        fields[.iin] = iin
        fields[.surname] = surname
        fields[.firstName] = firstName
        fields[.patronymic] = patronymic
        fields[.birthDate] = birthDate
        fields[.phone] = phone
        fields[.region] = region
        fields[.childIIN] = childIIN
        fields[.recordID] = recordID
        return CleansingInputRow(line: line, fields: fields)
    }

    /// Aliya's row exactly as the registry has her.
    static func aliyaRow(line: Int = 2, phone: String? = "+77011234567") -> CleansingInputRow {
        row(line: line, iin: aliya.unmasked, surname: "Нұрланова", firstName: "Әлия", patronymic: "Серікқызы", birthDate: "15.04.1985", phone: phone)
    }

    static func erlanRow(line: Int = 3, phone: String? = "+77017654321") -> CleansingInputRow {
        row(line: line, iin: erlan.unmasked, surname: "Ахметов", firstName: "Ерлан", patronymic: "Болатович", birthDate: "02.03.1979", phone: phone)
    }
}
