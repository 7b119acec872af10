import Foundation
import Hummingbird
import Identifiers
import HummingbirdTesting
import Logging
import Prometheus
import Reverification
import Service
import Storage
import Testing
import Verification

/// The console's re-verification page: runs from the store, the latest run's contradictions and anomalies from its
/// summary, its files (and nothing else) downloadable, in both languages.
@Suite struct ConsoleReverificationTests {
    typealias Session = ConsoleClientSession

    static let summary = """
        {"runID":"rvr_console1","activeOn":"2026-11-01","vouchers":40,"outcomes":{"OK":31,"REVIEW":5,"SUSPEND_SUGGESTED":4},
         "reasons":{"PERSON_DECEASED":2},"contradictions":{"ENROLLED_IN_TWO_SCHOOLS":3,"DECEASED_BUT_ACTIVE_ELSEWHERE":2},
         "anomalies":{"COACH_SHARED_BY_PROVIDERS":1},
         "regions":{"750000000":{"vouchers":30,"flagged":7,"suspendSuggested":3,"contradictions":5,"anomalies":1},
                    "710000000":{"vouchers":10,"flagged":2,"suspendSuggested":1,"contradictions":0,"anomalies":0}},
         "providers":{"040440001207":{"vouchers":25,"flagged":6,"suspendSuggested":3,"contradictions":4,"anomalies":1},
                      "990340005977":{"vouchers":15,"flagged":3,"suspendSuggested":1,"contradictions":1,"anomalies":0},
                      "120240012345":{"vouchers":1,"flagged":0,"suspendSuggested":0,"contradictions":0,"anomalies":0}},
         "durationSeconds":1.5,"vouchersPerSecond":26.7,"startedAt":"2026-11-01T02:00:00Z","finishedAt":"2026-11-01T02:00:02Z"}
        """

    @Test("runs from the store; the latest summary by kind, region and provider; its report and CSVs open, other names are 404")
    func page() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-console-reverify-\(UUID().uuidString)")
        let reports = directory.appendingPathComponent("reverify", isDirectory: true)
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteGatewayStore(path: directory.appendingPathComponent("gateway.sqlite").path, keys: .generate())
        defer { try? store.close() }
        let issued = APIKeyIssuer().issue(name: "console-auditor", role: .auditor)
        try await store.add(issued.record)
        let day = try #require(CalendarDate(year: 2026, month: 11, day: 1))
        try await store.createReverificationRun(ReverificationRunRecord(id: "rvr_console1", activeOn: day, activatedSince: nil, createdAt: Date(), updatedAt: Date()))
        try await store.updateReverificationRun(id: "rvr_console1", status: .finished, counts: ["OK": 31, "REVIEW": 5, "SUSPEND_SUGGESTED": 4], at: Date())

        let dependencies = GatewayDependencies(registries: UnreachableRegistries.adapterSet, store: store, protector: store.personalData)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let router = buildGatewayRouter(apiKeys: store, metrics: PrometheusCollectorRegistry()) { routes in
            OperatorConsole(dependencies: dependencies, reverificationReports: reports, logger: logger).register(on: routes)
        }
        try await Application(router: router).test(.router) { client in
            var session = Session()
            _ = try await session.login(client, key: issued.key)

            // Before the first report: the run is listed, the report section says there is none yet, files are 404.
            let before = String(buffer: try await session.get(client, "/console/reverification").body)
            #expect(before.contains("rvr_console1"))
            #expect(before.contains("id=\"no-report\""))
            #expect(try await session.get(client, "/console/reverification/files/report.html").status == .notFound)

            try Data(Self.summary.utf8).write(to: reports.appendingPathComponent("summary.json"))
            try Data("<!doctype html><title>report</title><svg></svg>".utf8).write(to: reports.appendingPathComponent("report.html"))
            try Data("voucher_id,kind\r\n".utf8).write(to: reports.appendingPathComponent("contradictions.csv"))
            try Data("secret".utf8).write(to: reports.appendingPathComponent("results.csv"))

            let response = try await session.get(client, "/console/reverification")
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("id=\"reverify-summary\" data-run=\"rvr_console1\""))
            #expect(html.contains("<tr data-kind=\"ENROLLED_IN_TWO_SCHOOLS\"><td>ENROLLED_IN_TWO_SCHOOLS</td><td class=\"num\">3</td></tr>"))
            #expect(html.contains("<tr data-kind=\"BIRTH_RECORD_PARENT_UNKNOWN\"><td>BIRTH_RECORD_PARENT_UNKNOWN</td><td class=\"num\">0</td></tr>"))
            #expect(html.contains("<tr data-kind=\"COACH_SHARED_BY_PROVIDERS\"><td>COACH_SHARED_BY_PROVIDERS</td><td class=\"num\">1</td></tr>"))
            // Regions with the most contradictions first; only providers with findings, the busiest first.
            let almaty = try #require(html.range(of: "data-region=\"750000000\""))
            let astana = try #require(html.range(of: "data-region=\"710000000\""))
            #expect(almaty.lowerBound < astana.lowerBound)
            let first = try #require(html.range(of: "data-provider=\"040440001207\""))
            let second = try #require(html.range(of: "data-provider=\"990340005977\""))
            #expect(first.lowerBound < second.lowerBound)
            #expect(!html.contains("data-provider=\"120240012345\""))
            #expect(html.contains("Противоречия между реестрами"))

            let report = try await session.get(client, "/console/reverification/files/report.html")
            #expect(report.status == .ok)
            #expect(report.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: report.body).contains("<svg>"))
            let csv = try await session.get(client, "/console/reverification/files/contradictions.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentDisposition]?.contains("attachment") == true)
            // Only the listed files: the per-voucher results, the summary and paths are not served.
            for name in ["results.csv", "summary.json", "..%2Fgateway.sqlite", "anomalies.csv"] {
                #expect(try await session.get(client, "/console/reverification/files/\(name)").status == .notFound, "\(name)")
            }

            _ = try await session.getStoring(client, "/console/language/kk?next=/console/reverification")
            let kazakh = String(buffer: try await session.get(client, "/console/reverification").body)
            #expect(kazakh.contains("Тізілімдер арасындағы қайшылықтар"))
        }
    }

    @Test("a re-verification review shows the changed facts and contradictions, offers KEEP and SUSPEND, and SUSPEND suspends the voucher")
    func reviewPage() async throws {
        try await ConsoleTestWorld.with { world, router in
            let now = world.clock.now
            let child = world.store.personalData.subjectKey(for: try IIN("150601500436"))
            let start = try #require(CalendarDate(year: 2025, month: 9, day: 1))
            let end = try #require(CalendarDate(year: 2026, month: 5, day: 31))
            let voucher = VoucherRecord(
                id: "vch_console", child: child, programmeID: "sport-2025-26", periodStart: start, periodEnd: end, decisionID: "dec_activation", activatedAt: now)
            _ = try await world.store.record(DecisionWrite(
                decision: StoredDecision(
                    id: "dec_activation", kind: .voucherActivation, outcome: "ACTIVATE", reasonCodes: [], subjects: [child], registryMessageIDs: [],
                    createdAt: now, payload: Data("{}".utf8)),
                voucher: voucher, audit: AuditDraft(actor: "seed", action: "decision.recorded", subjectID: "dec_activation")))
            let document = ReverificationDecisionDocument(
                decisionId: "dec_reverified", decision: "SUSPEND_SUGGESTED", reasons: ["PERSON_DECEASED"], voucherId: "vch_console", runId: "rvr_console2",
                activationDecisionId: "dec_activation",
                changes: [FactChange(fact: "child.lifeStatus", reason: "PERSON_DECEASED", now: "DECEASED", registry: .individuals, messageId: "msg-rv-1")],
                contradictions: [Contradiction(kind: .enrolledInTwoSchools, registries: [.education], detail: "education=STUDYING schools=2", messageIds: ["msg-rv-2"])],
                evidence: ["msg-rv-1", "msg-rv-2"], reviewId: "rev_reverified", decidedAt: now)
            _ = try await world.store.record(DecisionWrite(
                decision: StoredDecision(
                    id: "dec_reverified", kind: .voucherActivation, outcome: "SUSPEND_SUGGESTED", reasonCodes: ["PERSON_DECEASED"], subjects: [child],
                    clientRequestID: "reverify:rvr_console2:vch_console", registryMessageIDs: ["msg-rv-1", "msg-rv-2"], createdAt: now,
                    payload: try document.encoded()),
                review: ReviewItem(id: "rev_reverified", decisionID: "dec_reverified", kind: .voucherActivation, reasonCodes: ["PERSON_DECEASED"], regionKATO: "750000000", createdAt: now),
                audit: AuditDraft(actor: "qorgan-reverify", action: "voucher.reverified", subjectID: "dec_reverified")))

            try await Application(router: router).test(.router) { client in
                var session = Session()
                _ = try await session.login(client, key: try #require(world.keys[.operator]))
                let html = String(buffer: try await session.get(client, "/console/reviews/rev_reverified").body)
                #expect(html.contains("<code id=\"reverified-voucher\">vch_console</code>"))
                #expect(html.contains("child.lifeStatus") && html.contains("DECEASED") && html.contains("msg-rv-1"))
                #expect(html.contains("ENROLLED_IN_TWO_SCHOOLS"))
                #expect(html.contains("<code>PERSON_DECEASED</code> — \(ReasonCode.personDeceased.messageRu)"))
                #expect(html.contains("<option value=\"KEEP\">") && html.contains("<option value=\"SUSPEND\">"))
                #expect(!html.contains("<option value=\"ACTIVATE\">"))
                let token = try #require(Session.csrf(in: html))
                let done = try await session.post(
                    client, "/console/reviews/rev_reverified/resolve", form: ["csrf": token, "resolution": "SUSPEND", "comment": "Смерть подтверждена"])
                #expect(done.status == .seeOther)
            }
            let october = try #require(CalendarDate(year: 2025, month: 10, day: 1))
            #expect(try await world.store.activeVouchers(child: child, overlapping: october, october).isEmpty)
            #expect(try await world.store.review(id: "rev_reverified")?.resolution == "SUSPEND")
        }
    }

    @Test("without a session the page redirects to the login form")
    func needsSession() async throws {
        try await ConsoleTestWorld.with { _, router in
            try await Application(router: router).test(.router) { client in
                let response = try await client.execute(uri: "/console/reverification", method: .get)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/console/login?next=%2Fconsole%2Freverification")
            }
        }
    }
}
