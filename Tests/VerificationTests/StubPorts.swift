import Foundation
import Identifiers
import Verification

/// A person registry that answers after `delay` with `result` (ignores nothing: `Task.sleep` honours cancellation).
struct StubPersonRegistry: PersonRegistry {
    var delay: Duration = .zero
    var result: @Sendable (IIN) -> RegistryResult<PersonRecord>

    func person(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<PersonRecord> {
        if delay > .zero {
            do { try await Task.sleep(for: delay) } catch { return .unavailable(.cancelled) }
        }
        return result(iin)
    }
}

struct StubBirthRecordRegistry: BirthRecordRegistry {
    var delay: Duration = .zero
    var result: RegistryResult<[BirthRecord]>

    func birthRecords(involving iin: IIN, within deadline: Deadline) async -> RegistryResult<[BirthRecord]> {
        if delay > .zero {
            do { try await Task.sleep(for: delay) } catch { return .unavailable(.cancelled) }
        }
        return result
    }
}

enum Samples {
    static let child = try! IIN("150601500436")
    static let parent = try! IIN("850415300121")
    static func evidence(_ id: String = "msg-1", registry: RegistryName = .individuals) -> RegistryEvidence {
        RegistryEvidence(registry: registry, messageId: id, resultCode: "00000", receivedAt: Date(timeIntervalSince1970: 0))
    }
    static func person(_ iin: IIN) -> PersonRecord {
        PersonRecord(iin: iin, surname: "ЖҰМАБЕКОВ", firstName: "АЛИХАН", birthDate: CalendarDate(year: 2015, month: 6, day: 1), gender: .male)
    }
}
