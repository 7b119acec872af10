import Foundation
import Hummingbird
import Identifiers
import HummingbirdTesting
import Logging
import Prometheus
import Service
import Storage
import Testing

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
