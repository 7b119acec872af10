import Foundation
import Identifiers
import Population
import RegistryAdapters
import Reverification
import Storage
import Testing
import Verification

/// Acceptance: vouchers activated on a generated population, later events injected (deaths, moves, expulsions,
/// double enrolments, liquidations, fictitious parents, coaches shared by providers); the run must find each
/// injected case (recall ≥ 99 %) and flag at most 1 % of the vouchers no event touched. Prints the figures.
@Suite(.serialized) struct ReverificationRecallTests {
    static let population: Population = try! PopulationGenerator(configuration: PopulationConfiguration(seed: 11, people: 6_000)).generate()
    static let events: PopulationEvents = try! PopulationEvents.generate(
        for: population,
        configuration: PopulationEventConfiguration(
            seed: 5, childDeathRate: 0.04, moveRate: 0.04, expulsionRate: 0.05, fictitiousParentRate: 0.05, doubleEnrolmentRate: 0.05, liquidationRate: 0.08, sharedCoaches: 4))

    @Test func findsInjectedEventsAndLeavesUntouchedVouchersAlone() async throws {
        let population = Self.population
        let events = Self.events
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-recall-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteGatewayStore(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .generate())
        let fixture = VoucherFixture(population: population, store: store, events: events)

        let activated = try await RegistryHarness.withAdapters(population) { adapters in
            try await fixture.activate(with: Self.checker(adapters))
        }
        let activeOn = events.events.map(\.date).max() ?? population.configuration.referenceDate
        let outcome = try await RegistryHarness.withAdapters(population, events: events) { adapters in
            try await ReverificationRunner(
                store: store, protector: store.personalData, checker: Self.checker(adapters),
                configuration: ReverificationConfiguration(chunkSize: 50, maximumConcurrentVouchers: 16, voucherTimeout: .seconds(60))
            ).run(ReverificationRequest(
                activeOn: activeOn, contradictionsPath: directory.appendingPathComponent("contradictions.csv").path,
                anomaliesPath: directory.appendingPathComponent("anomalies.csv").path, reportPath: directory.appendingPathComponent("report.html").path,
                summaryPath: directory.appendingPathComponent("summary.json").path))
        }
        var results: [String: ReverificationResult] = [:]
        for record in try await store.reverificationResults(runID: outcome.runID, afterVoucherID: nil, limit: 100_000) {
            results[record.voucherID] = try ReverificationResult.decoded(record.payload)
        }
        #expect(results.count == activated.count)

        // The ground truth: which vouchers each event touches and what must be found.
        var expected: [(case: String, found: Bool)] = []
        var touched = Set<String>()
        let byChild = Dictionary(grouping: activated, by: \.child)
        let byProvider = Dictionary(grouping: activated, by: \.provider)
        func expect(_ kind: PopulationEventKind, vouchers: [VoucherFixture.Activated], _ found: (ReverificationResult) -> Bool) {
            for voucher in vouchers {
                touched.insert(voucher.voucherID)
                expected.append(("\(kind.rawValue) \(voucher.voucherID)", results[voucher.voucherID].map(found) ?? false))
            }
        }
        for event in events.events {
            switch event.kind {
            case .childDeath:
                expect(.childDeath, vouchers: byChild[event.childIIN!] ?? []) { $0.outcome == .suspendSuggested && $0.reasons.contains("PERSON_DECEASED") }
            case .move:
                let household = population.person(event.childIIN!)!.householdID
                for member in population.people where member.householdID == household && member.iin != event.childIIN {
                    for voucher in byChild[member.iin] ?? [] { touched.insert(voucher.voucherID) }
                }
                expect(.move, vouchers: byChild[event.childIIN!] ?? []) { $0.outcome == .suspendSuggested && $0.reasons.contains("REGION_MISMATCH") }
            case .expulsion:
                expect(.expulsion, vouchers: byChild[event.childIIN!] ?? []) { $0.outcome.isFlagged && $0.reasons.contains("NOT_ENROLLED") }
            case .fictitiousParent:
                expect(.fictitiousParent, vouchers: byChild[event.childIIN!] ?? []) { result in
                    result.contradictions.contains { $0.kind == .birthRecordParentUnknown }
                }
            case .liquidation:
                expect(.liquidation, vouchers: byProvider[event.providers[0]] ?? []) {
                    $0.outcome == .suspendSuggested && $0.reasons.contains("PROVIDER_INACTIVE")
                }
            case .doubleEnrolment:
                expect(.doubleEnrolment, vouchers: byChild[event.childIIN!] ?? []) { result in
                    result.contradictions.contains { $0.kind == .enrolledInTwoSchools }
                }
            case .sharedCoach:
                let coach = event.coachIIN!.unmasked
                let listing = activated.filter { $0.coaches.contains(coach) }
                guard Set(listing.map(\.provider)).count > 1 else { continue }  // not observable: fewer than two providers have vouchers
                let found = outcome.anomalies.contains { $0.kind == .coachSharedByProviders && Set($0.voucherIDs) == Set(listing.map(\.voucherID)) }
                expected.append(("SHARED_COACH \(event.coachIIN!.masked)", found))
            }
        }
        let untouched = activated.filter { !touched.contains($0.voucherID) }
        let falselyFlagged = untouched.filter { results[$0.voucherID]?.outcome.isFlagged ?? true }
        let found = expected.filter(\.found).count
        let recall = expected.isEmpty ? 0 : Double(found) / Double(expected.count)
        let falseFlagRate = untouched.isEmpty ? 1 : Double(falselyFlagged.count) / Double(untouched.count)
        let kinds = Dictionary(grouping: expected, by: { String($0.case.split(separator: " ")[0]) }).mapValues(\.count)
        print(
            "reverify recall: \(found)/\(expected.count) injected cases found (\(String(format: "%.2f", recall * 100)) %) \(kinds.sorted { $0.key < $1.key }); "
                + "false flags: \(falselyFlagged.count)/\(untouched.count) untouched vouchers (\(String(format: "%.2f", falseFlagRate * 100)) %); "
                + "vouchers \(activated.count), outcomes \(outcome.summary.outcomes.sorted { $0.key < $1.key }), "
                + "contradictions \(outcome.summary.contradictions.sorted { $0.key < $1.key }), anomalies \(outcome.summary.anomalies.sorted { $0.key < $1.key })")
        for missed in expected where !missed.found { print("  missed: \(missed.case) → \(results[String(missed.case.split(separator: " ").last!)].map { "\($0.outcome) \($0.reasons)" } ?? "-")") }
        for voucher in falselyFlagged.prefix(10) { print("  false flag: \(voucher.voucherID) \(results[voucher.voucherID].map { "\($0.outcome) \($0.reasons)" } ?? "no result")") }

        #expect(expected.count >= 20, "too few injected cases touch an activated voucher to measure recall")
        #expect(Set(expected.map { String($0.case.split(separator: " ")[0]) }).isSuperset(of: ["CHILD_DEATH", "MOVE", "EXPULSION", "DOUBLE_ENROLMENT", "LIQUIDATION", "SHARED_COACH"]))
        #expect(recall >= 0.99)
        #expect(untouched.count >= 100)
        #expect(falseFlagRate <= 0.01)

        // Every flagged voucher is in the review queue once, nothing is suspended by the run itself.
        let flagged = results.values.filter(\.outcome.isFlagged)
        let queued = try await store.reviews(ReviewQuery(status: .open, limit: 100_000))
        #expect(queued.count == flagged.count)
        #expect(flagged.allSatisfy { $0.reviewID != nil && $0.decisionID != nil })
        let stillActive = try await store.voucherSubjects(activeOn: activeOn, activatedSince: nil, afterVoucherID: nil, limit: 100_000)
        #expect(stillActive.count == activated.count)

        // Outputs: CSV with a header and one line per contradiction, a self-contained report, a JSON summary.
        let contradictions = try String(contentsOf: directory.appendingPathComponent("contradictions.csv"), encoding: .utf8)
        #expect(contradictions.hasPrefix("voucher_id,kind,region_kato,provider,registries,detail,message_ids\r\n"))
        #expect(contradictions.components(separatedBy: "\r\n").count - 2 == outcome.summary.contradictions.values.reduce(0, +))
        let report = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("<svg") && !report.contains("<script") && !report.contains("http://") && !report.contains("https://"))
        for voucher in activated.prefix(50) { #expect(!report.contains(voucher.child.unmasked)) }
        let summary = try JSONDecoder.iso.decode(ReverificationSummary.self, from: Data(contentsOf: directory.appendingPathComponent("summary.json")))
        #expect(summary.vouchers == activated.count)
        #expect(summary.flagged == flagged.count)
    }

    static func checker(_ adapters: RegistryAdapterSet) -> ReverificationChecker {
        ReverificationChecker(
            persons: adapters.persons, birthRecords: adapters.birthRecords, health: adapters.health, education: adapters.education,
            business: adapters.business)
    }
}

extension JSONDecoder {
    /// A decoder for ISO-8601 dates (the summary's).
    static var iso: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
