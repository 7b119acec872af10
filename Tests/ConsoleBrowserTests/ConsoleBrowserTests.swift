import Foundation
import Hummingbird
import Identifiers
import Logging
import Population
import RegistryAdapters
import RegistryMocks
import Service
import Storage
import Testing

/// The operator console in real headless Chromium: the gateway runs on 127.0.0.1 (a free port) with the in-process
/// mock registries and a SQLite store; `scripts/console-browser-test.py` (selenium + chromedriver) logs in, resolves the
/// seeded review, uploads a CSV and watches it finish, switches language, visits lookup, health and audit, and logs out,
/// failing on any error in the browser's console log. Screenshots: `.test-artifacts/console/` (printed).
///
/// Runs when chromium, chromedriver and selenium are installed; with `QORGAN_REQUIRE_CHROMIUM=1` (scripts/test.sh) it
/// always runs and fails when they are missing.
@Suite(.serialized) struct ConsoleBrowserTests {
    @Test(
        "log in, resolve a review, upload a batch and see it finish, switch language — in headless Chromium without console errors",
        .enabled(if: BrowserTools.required || BrowserTools.available), .timeLimit(.minutes(3)))
    func consoleInChromium() async throws {
        try #require(
            BrowserTools.available,
            "chromium, chromium-driver and python3 selenium are required here (QORGAN_REQUIRE_CHROMIUM=1): \(BrowserTools.missing)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-console-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let artifacts = BrowserTools.packageRoot.appendingPathComponent(".test-artifacts/console", isDirectory: true)
        try? FileManager.default.removeItem(at: artifacts)
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)

        let population = try PopulationGenerator(configuration: PopulationConfiguration(seed: 17, people: 1_500)).generate()
        let csv = directory.appendingPathComponent("parents.csv")
        try BrowserWorld.parentsCSV(population, rows: 24).write(to: csv, atomically: true, encoding: .utf8)

        try await BrowserWorld.with(population: population, directory: directory) { world in
            let arguments = [
                "python3", BrowserTools.packageRoot.appendingPathComponent("scripts/console-browser-test.py").path, "--base", world.baseURL,
                "--operator-key", world.operatorKey, "--review", world.reviewID, "--csv", csv.path, "--artifacts", artifacts.path,
                "--chromium", BrowserTools.chromium ?? "chromium", "--chromedriver", BrowserTools.chromedriver ?? "chromedriver",
            ]
            let started = ContinuousClock.now
            let outcome = try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread { continuation.resume(with: Result { try BrowserTools.run(arguments, timeout: .seconds(150)) }) }
            }
            print("ConsoleBrowserTests: screenshots in \(artifacts.path) (browser run \(started.duration(to: .now)))")
            print(outcome.output)
            #expect(outcome.status == 0, "browser script failed:\n\(outcome.output.suffix(3_000))\n\(outcome.error.suffix(3_000))")
            #expect(outcome.output.contains("\"ok\": true"))

            // What the browser did, as the store saw it.
            let review = try await world.store.review(id: world.reviewID)
            #expect(review?.status == .resolved)
            #expect(review?.resolution == "MATCH")
            #expect(review?.resolvedBy == "browser-operator")
            let batches = try await world.store.batches(inputName: nil, limit: 10)
            #expect(batches.contains { $0.status == .finished })
            let screenshots = try FileManager.default.contentsOfDirectory(atPath: artifacts.path).filter { $0.hasSuffix(".png") }
            #expect(screenshots.count >= 10, "\(screenshots)")
        }
    }
}
