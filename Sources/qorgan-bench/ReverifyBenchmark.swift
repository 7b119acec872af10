import ArgumentParser
import Foundation
import Identifiers
import Normalization
import Population
import Reverification
import Storage
import Verification

#if canImport(Glibc)
import Glibc
#endif

/// `qorgan-bench reverify` — re-verification of active vouchers at scale (issue 11): seeds a store with N active
/// vouchers (children of the population with their parent, a voucher provider, its coach), then runs the release
/// `qorgan reverify` against the mock registries in a second process on loopback. Reports wall time, vouchers/s and
/// the re-verifier's peak RSS (`VmHWM`).
struct ReverifyBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverify",
        abstract: "qorgan reverify over N active vouchers against mocks in a second process: time, vouchers/s, peak RSS."
    )

    @Option(help: "Active vouchers to seed and re-verify.")
    var vouchers: Int = 100_000

    @Option(help: "People in the synthetic population (children 5–17 get the vouchers).")
    var people: Int = 700_000

    @Option(help: "Population seed.")
    var seed: UInt64 = 3

    @Option(help: "Vouchers in flight towards the registries.")
    var concurrency: Int = ReverificationConfiguration().maximumConcurrentVouchers

    @Option(help: "Working directory (default: a fresh temporary one, removed afterwards).")
    var work: String?

    @Option(help: "The qorgan binary (default: next to this one).")
    var qorgan: String?

    func run() async throws {
        let directory = URL(fileURLWithPath: work ?? NSTemporaryDirectory() + "qorgan-reverify-bench-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if work == nil { try? FileManager.default.removeItem(at: directory) } }
        let binary = qorgan ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qorgan").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchmarkFailure("qorgan binary not found at \(binary)") }

        print("generating \(people) people (seed \(seed))…")
        let population = try PopulationGenerator(configuration: PopulationConfiguration(seed: seed, people: people)).generate()
        let data = directory.appendingPathComponent("var", isDirectory: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let keys = StoreKeys.generate()
        print("seeding \(vouchers) active vouchers…")
        let seedingStart = ContinuousClock.now
        let seeded = try await Self.seed(population: population, count: vouchers, keys: keys, path: data.appendingPathComponent("qorgan.sqlite").path)
        guard seeded == vouchers else { throw BenchmarkFailure("the population has only \(seeded) eligible children; raise --people") }
        print(String(format: "seeded in %.1f s", (ContinuousClock.now - seedingStart) / .seconds(1)))

        let mocks = try ChildProcess.start(
            name: "mocks", executable: binary,
            arguments: ["mocks", "serve", "--seed", "\(seed)", "--people", "\(people)", "--export", directory.appendingPathComponent("mocks").path],
            outputDirectory: directory)
        defer { Task { await mocks.stop() } }
        _ = try await mocks.waitForOutput(containing: "sms ", timeout: .seconds(600))
        let connection = directory.appendingPathComponent("mocks/client/connection.json").path

        let mocksCPUBefore = mocks.cpuSeconds
        print("re-verifying \(vouchers) vouchers…")
        let run = try await CleanseBenchmark.measure(binary, [
            "reverify", "--registries", connection, "--data-dir", data.path, "--out-dir", directory.appendingPathComponent("out").path,
            "--active-on", population.configuration.referenceDate.description, "--concurrency", "\(concurrency)",
        ], directory: directory, name: "reverify", environment: ["QORGAN_LOOKUP_KEY": keys.lookupKeyBase64, "QORGAN_PAYLOAD_KEY": keys.payloadKeyBase64])
        guard run.status == 0 else { throw BenchmarkFailure("qorgan reverify exited \(run.status): \(run.errorTail)") }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("out/summary.json"))) as? [String: Any]
        let outcomes = summary?["outcomes"] as? [String: Int] ?? [:]
        print("")
        print("| vouchers | wall s | vouchers/s | peak RSS MiB | mocks CPU s | outcomes |")
        print("|---:|---:|---:|---:|---:|---|")
        print(
            "| \(vouchers) | \(String(format: "%.1f", run.seconds)) | \(Int(Double(vouchers) / run.seconds)) | \(String(format: "%.0f", run.peakRSSMiB)) | "
                + "\(String(format: "%.0f", mocks.cpuSeconds - mocksCPUBefore)) | "
                + outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · ") + " |")
    }

    /// Writes `count` active vouchers with their re-verification subjects straight into the store (no registry
    /// calls: the benchmark measures re-verification, not activation). Returns how many were written.
    static func seed(population: Population, count: Int, keys: StoreKeys, path: String) async throws -> Int {
        let store = try SQLiteGatewayStore(path: path, keys: keys)
        let reference = population.configuration.referenceDate
        let end = CalendarDate(year: reference.year + 1, month: 5, day: 31)!
        var providers: [(digits: String, coach: String?)] = []
        var coachOf: [String: String] = [:]
        for educator in population.education.educators where coachOf[educator.employer.digits] == nil {
            coachOf[educator.employer.digits] = educator.person.iin.unmasked
        }
        for entity in population.business.legalEntities where entity.activity.isVoucherProvider && entity.status == .active {
            providers.append((entity.bin.text, coachOf[entity.bin.text]))
        }
        for entrepreneur in population.business.entrepreneurs where entrepreneur.activity.isVoucherProvider && entrepreneur.status == .active {
            providers.append((entrepreneur.holder.iin.unmasked, coachOf[entrepreneur.holder.iin.unmasked]))
        }
        guard !providers.isEmpty else { throw BenchmarkFailure("the population has no voucher providers") }
        var written = 0
        var random = SplitMix64(seed: 11)
        for person in population.people where written < count {
            let age = person.age(on: reference)
            guard (5...17).contains(age), !person.isDeceased, let parentIIN = person.motherIIN ?? person.fatherIIN, let parent = population.person(parentIIN),
                let region = AdministrativeRegion(kato: person.address.regionKATO)
            else { continue }
            let provider = providers[Int(random.next() % UInt64(providers.count))]
            let voucherID = String(format: "vch_%08d", written)
            let decisionID = String(format: "dec_%08d", written)
            let subject = ReverificationSubject(
                voucherID: voucherID, decisionID: decisionID,
                programme: VoucherProgramme(id: "bench", region: region, periodStart: reference, periodEnd: end), providerID: provider.digits,
                section: VoucherSection(name: "Секция", type: .sport),
                child: .init(iin: person.iin.unmasked, surname: person.surname, firstName: person.firstName, patronymic: person.patronymic,
                             birthDate: person.birthDate.description),
                parent: .init(iin: parent.iin.unmasked, surname: parent.surname, firstName: parent.firstName, patronymic: parent.patronymic),
                coachIINs: provider.coach.map { [$0] } ?? [])
            let key = store.personalData.subjectKey(for: person.iin)
            let now = Date()
            let outcome = try await store.record(DecisionWrite(
                decision: StoredDecision(
                    id: decisionID, kind: .voucherActivation, outcome: "ACTIVATE", reasonCodes: [], subjects: [key], createdAt: now, payload: Data("{}".utf8)),
                voucher: VoucherRecord(id: voucherID, child: key, programmeID: "bench", periodStart: reference, periodEnd: end, decisionID: decisionID, activatedAt: now),
                audit: AuditDraft(actor: "qorgan-bench", action: "voucher.activated", subjectID: decisionID)))
            guard case .recorded = outcome else { continue }
            try await store.saveVoucherSubject(VoucherSubjectRecord(voucherID: voucherID, activatedAt: now, payload: try subject.encoded()))
            written += 1
        }
        try store.close()
        return written
    }
}
