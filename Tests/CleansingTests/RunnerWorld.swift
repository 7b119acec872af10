import Cleansing
import Foundation
import Identifiers
import Normalization
import Storage
import Synchronization
import Testing
import Verification

/// A cleansing job's world for runner tests: `people` made-up parents in an in-memory individuals registry, an input
/// CSV with known defects (every 10th row a surname typo, a broken check digit, or an IIN the registry lacks), three
/// unreadable rows and a blank line, a fresh SQLite store and a recording SMS gateway.
final class RunnerWorld: Sendable {
    struct Parent: Sendable {
        let iin: IIN
        let surname: String
        let firstName: String
        let birthDate: CalendarDate
        let phone: String
        let gender: Gender
    }

    let directory: URL
    let store: SQLiteGatewayStore
    let persons: RunnerPersonRegistry
    let sms = RunnerSMSGateway()
    let people: [Parent]
    let expectedLines: [Int]
    let unreadableLines: [Int]

    var inputPath: String { directory.appendingPathComponent("parents.csv").path }
    var outputPath: String { directory.appendingPathComponent("results.csv").path }

    init(people count: Int) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-runner-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteGatewayStore(path: directory.appendingPathComponent("qorgan.sqlite").path, keys: StoreKeys.generate())

        let surnames = ["Ахметов", "Серикбаев", "Иванов", "Нурланов", "Касымов", "Омаров", "Петров", "Жумабеков"]
        let firstNames = ["Ерлан", "Асхат", "Дмитрий", "Нурлан", "Бауыржан", "Сергей", "Айдос", "Марат"]
        var parents: [Parent] = []
        var serial = 0
        while parents.count < count {
            serial += 1
            let day = serial % 28 + 1
            let month = serial / 28 % 12 + 1
            let year = 1975 + serial / 336 % 20
            let prefix = String(format: "%02d%02d%02d3%04d", year % 100, month, day, serial % 10_000)
            guard let check = IIN.checkDigit(forPrefix: Array(prefix.utf8).map { $0 - 48 }) else { continue }
            let iin = try IIN(prefix + String(check))
            parents.append(Parent(
                iin: iin, surname: surnames[serial % surnames.count], firstName: firstNames[(serial / 8) % firstNames.count],
                birthDate: CalendarDate(year: year, month: month, day: day)!, phone: String(format: "+7701%07d", serial), gender: .male))
        }
        people = parents

        var records: [IIN: PersonRecord] = [:]
        var lines = ["ИИН;Фамилия;Имя;Дата рождения;Телефон"]
        var expected: [Int] = []
        var unreadable: [Int] = []
        for (index, parent) in parents.enumerated() {
            var iin = parent.iin.unmasked
            var surname = parent.surname
            switch index % 10 {
            case 1: surname = String(surname.dropLast()) + "в" + "а"  // a typo the registry corrects
            case 2: iin = String(iin.dropLast()) + String((Int(String(iin.last!))! + 1) % 10)  // broken check digit
            default: break
            }
            if index % 10 != 3 {
                records[parent.iin] = PersonRecord(
                    iin: parent.iin, surname: parent.surname.uppercased(), firstName: parent.firstName.uppercased(),
                    birthDate: parent.birthDate, gender: parent.gender)
            }
            let date = String(format: "%02d.%02d.%04d", parent.birthDate.day, parent.birthDate.month, parent.birthDate.year)
            lines.append([iin, surname, parent.firstName, date, parent.phone].joined(separator: ";"))
            expected.append(lines.count)
            if index == 10 || index == 50 || index == count - 1 {
                lines.append("1;2;3;4;5;6;7;8")  // too many fields
                expected.append(lines.count)
                unreadable.append(lines.count)
            }
            if index == 20 { lines.append("") }  // a blank line: no row
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: directory.appendingPathComponent("parents.csv").path, atomically: true, encoding: .utf8)
        persons = RunnerPersonRegistry(records: records)
        expectedLines = expected
        unreadableLines = unreadable
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func runner(chunkSize: Int = 25, concurrency: Int = 8, notify: Bool = false) -> CleansingJobRunner {
        CleansingJobRunner(
            store: store, protector: store.personalData, pipeline: CleansingPipeline(persons: persons), sms: sms,
            configuration: CleansingJobConfiguration(
                chunkSize: chunkSize, maximumConcurrentRows: concurrency, rowTimeout: .seconds(60), notify: notify, notificationsPerSecond: 0),
            progress: ProgressConfiguration(style: .silent))
    }

    func request(resume: Bool = false) -> CleansingJobRequest {
        CleansingJobRequest(
            inputPath: inputPath, outputPath: outputPath, reportPath: directory.appendingPathComponent("report.html").path, resume: resume)
    }

    func results() throws -> [CleansingResultRow] {
        let reader = try CleansingResultReader(path: outputPath)
        var rows: [CleansingResultRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    func appendToInput(_ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: inputPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }
}

/// An in-memory individuals registry that counts calls and can stall (until cancelled) after a number of calls, to
/// interrupt a job half-way.
final class RunnerPersonRegistry: PersonRegistry {
    private struct State {
        var calls = 0
        var stallAfter: Int?
        var stalled = 0
    }

    private let records: [IIN: PersonRecord]
    private let state = Mutex(State())

    init(records: [IIN: PersonRecord]) {
        self.records = records
    }

    var calls: Int { state.withLock { $0.calls } }

    /// From the `count`-th call on, calls hang until cancelled; `nil` answers again.
    func stallAfter(_ count: Int?) { state.withLock { $0.stallAfter = count } }

    /// Returns once some call hangs.
    func waitUntilStalled() async throws {
        while state.withLock({ $0.stalled == 0 }) { try await Task.sleep(for: .milliseconds(5)) }
    }

    func person(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<PersonRecord> {
        let stall = state.withLock { state -> Bool in
            state.calls += 1
            guard let limit = state.stallAfter, state.calls > limit else { return false }
            state.stalled += 1
            return true
        }
        if stall {
            do { try await Task.sleep(for: .seconds(600)) } catch { return .unavailable(.cancelled) }
        }
        let evidence = RegistryEvidence(registry: .individuals, messageId: UUID().uuidString, resultCode: "00000")
        if let record = records[iin] { return .found(record, evidence: evidence) }
        return .notFound(evidence: evidence)
    }
}

/// An SMS gateway that accepts everything and records it.
final class RunnerSMSGateway: SMSGateway {
    private let sent = Mutex<[SMSMessage]>([])

    var messages: [SMSMessage] { sent.withLock { $0 } }
    var recipients: [String] { messages.map(\.recipient.e164) }

    func send(_ message: SMSMessage, within deadline: Deadline) async -> RegistryResult<SMSReceipt> {
        let id = sent.withLock { $0.append(message); return "sms-\($0.count)" }
        return .found(SMSReceipt(id: id, status: SMSDeliveryStatus(rawValue: "ACCEPTED")), evidence: RegistryEvidence(registry: .sms, messageId: id))
    }
}
