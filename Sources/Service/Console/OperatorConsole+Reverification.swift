import Foundation
import Hummingbird
import Identifiers
import Reverification
import Storage

/// Re-verification ("dead souls"): the recent runs from the store, and the latest run's contradictions and provider
/// anomalies by kind, region and provider from its summary, with its report and CSV files.
extension OperatorConsole {
    /// The files of the latest run a reader may open, by the name in the URL.
    static let reverificationFiles: [String: (contentType: String, inline: Bool)] = [
        "report.html": ("text/html; charset=utf-8", true),
        "contradictions.csv": ("text/csv; charset=utf-8", false),
        "anomalies.csv": ("text/csv; charset=utf-8", false),
    ]

    /// Providers listed on the page (most contradictions and anomalies first); the CSV files hold all.
    static let reverificationProviderRows = 25

    func reverificationPage(_ page: Page) async throws -> Response {
        guard let store = dependencies.store as? any ReverificationStore else {
            return render("reverification", titleKey: "reverifyTitle", page, values: ["enabled": false])
        }
        let runs: [[String: Any]] = try await store.reverificationRuns(limit: 10).map { run in
            [
                "id": run.id, "statusLabel": Self.runStatusLabel(run.status, page), "activeOn": run.activeOn.description,
                "vouchers": run.counts.values.reduce(0, +), "flagged": run.counts.filter { $0.key != ReverificationOutcome.ok.rawValue }.values.reduce(0, +),
                "created": internetDateTime(run.createdAt),
            ]
        }
        var values: [String: Any] = ["enabled": true, "runs": runs, "hasRuns": !runs.isEmpty]
        if let summary = latestReverificationSummary() {
            values["summary"] = Self.summaryValues(summary, page)
        }
        return render("reverification", titleKey: "reverifyTitle", page, values: values)
    }

    /// One of ``reverificationFiles`` of the latest run (404 page when unknown or not written yet).
    func reverificationFile(_ context: GatewayRequestContext, _ page: Page) async throws -> Response {
        let name = try context.parameters.require("name")
        guard let directory = reverificationReports, let file = Self.reverificationFiles[name],
            FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path)
        else {
            return render("message", titleKey: "notFound", page, values: ["error": page.text("notFound")], status: .notFound)
        }
        let disposition = file.inline ? "inline; filename=\"reverify-\(name)\"" : "attachment; filename=\"reverify-\(name)\""
        return try await BatchRoutes.download(directory.appendingPathComponent(name), contentType: file.contentType, disposition: disposition, context: context)
    }

    /// The latest run's `summary.json`, when the service writes reports and one run has finished.
    func latestReverificationSummary() -> ReverificationSummary? {
        guard let directory = reverificationReports,
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent("summary.json").path)
        else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(ReverificationSummary.self, from: data)
    }

    static func runStatusLabel(_ status: ReverificationRunRecord.Status, _ page: Page) -> String {
        switch status {
        case .running: page.text("statusRunning")
        case .finished: page.text("statusFinished")
        case .failed: page.text("statusFailed")
        }
    }

    /// The template's view of a summary: counts per kind, the regions and the busiest providers.
    static func summaryValues(_ summary: ReverificationSummary, _ page: Page) -> [String: Any] {
        func counts(_ table: [String: Int], _ all: [String]) -> [[String: Any]] {
            all.map { ["kind": $0, "count": table[$0] ?? 0] as [String: Any] }
        }
        func tally(_ key: String, _ tally: ReverificationSummary.Tally) -> [String: Any] {
            [
                "key": key, "vouchers": tally.vouchers, "flagged": tally.flagged, "suspend": tally.suspendSuggested,
                "contradictions": tally.contradictions, "anomalies": tally.anomalies,
            ]
        }
        let regions = summary.regions.sorted { ($0.value.contradictions, $1.key) > ($1.value.contradictions, $0.key) }
            .map { tally($0.key, $0.value) }
        let providers = summary.providers
            .filter { $0.value.contradictions + $0.value.anomalies > 0 }
            .sorted { ($0.value.contradictions + $0.value.anomalies, $1.key) > ($1.value.contradictions + $1.value.anomalies, $0.key) }
            .prefix(reverificationProviderRows).map { tally($0.key, $0.value) }
        return [
            "runID": summary.runID, "activeOn": summary.activeOn, "vouchers": summary.vouchers, "flagged": summary.flagged,
            "finished": internetDateTime(summary.finishedAt),
            "outcomes": counts(summary.outcomes, ReverificationOutcome.allCases.map(\.rawValue)),
            "contradictions": counts(summary.contradictions, ContradictionKind.allCases.map(\.rawValue)),
            "anomalies": counts(summary.anomalies, ProviderAnomalyKind.allCases.map(\.rawValue)),
            "regions": regions, "providers": Array(providers), "hasProviders": !providers.isEmpty,
        ]
    }
}
