import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import Population

#if canImport(Glibc)
import Glibc
#endif

/// `qorgan-bench soak`: ramps registration checks to saturation and reports the knee, then holds ≈ 70 % of it for a
/// long soak, sampling throughput, latency, errors and both processes' RSS every interval (issue 9, part 2).
///
/// The same three processes as `qorgan-bench service` (mocks, gateway, this load generator, loopback). The ramp
/// doubles the closed-loop connections (1, 2, 4 … `--max-connections`), `--step` seconds each; the knee is the first
/// step reaching 90 % of the best throughput seen. The soak runs at the ramp step whose throughput is closest to 70 %
/// of the knee's (a closed loop holds a load level by its connection count) for `--minutes`, one sample per
/// `--sample` seconds. Not part of CI: `swift run -c release qorgan-bench soak` (defaults: 30 minutes).
struct SoakBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak", abstract: "Ramp registration checks to the knee, then soak at ≈ 70 % of it with per-minute samples.")

    @Option(help: "Population seed.") var seed: UInt64 = 1
    @Option(help: "People in the population.") var people = 100_000
    @Option(help: "People given a consent and verified at registration (in a cycle).") var registrants = 2_000
    @Option(help: "Registrar API keys the connections are spread over.") var keys = 64
    @Option(help: "Largest connection count of the ramp (doubling from 1).") var maxConnections = 64
    @Option(help: "Seconds per ramp step.") var step = 10
    @Option(help: "Soak length, minutes.") var minutes = 30
    @Option(help: "Seconds per soak sample.") var sample = 60
    @Option(help: "The qorgan executable (default: next to this benchmark).") var qorgan: String?

    func run() async throws {
        let executable = qorgan ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("qorgan").path
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw ValidationError("no qorgan executable at \(executable)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-bench-soak-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let signals = ServiceBenchmark.stopChildrenOnSignals()
        defer { signals.forEach { $0.cancel() } }
        var load = [Double](repeating: 0, count: 3)
        _ = getloadavg(&load, 3)
        print("soak: load average \(load.map { String(format2: $0) }.joined(separator: " ")), \(people) people, ramp to \(maxConnections) connections × \(step) s, soak \(minutes) min")
        fflush(nil)

        let population = try PopulationGenerator(configuration: PopulationConfiguration(seed: seed, people: people)).generate()
        let harness = try await GatewayHarness.start(qorgan: executable, seed: seed, people: people, keyCount: keys, logLevel: "warning", directory: directory)
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(2), read: .seconds(30))
        configuration.connectionPool = .init(idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: max(maxConnections, 8))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await harness.waitUntilHealthy(client: client, timeout: .seconds(60))
            let workload = ServiceWorkload(population: population, registrants: registrants, activations: 0, runID: String(getpid()))
            _ = try await harness.confirmConsents(for: workload.registrants, client: client, connections: 32)
            let requests = workload.registrants.map { LoadGenerator.Request(path: "/v1/registrations/verify", body: $0.body) }
            let check: @Sendable (Int, UInt, ByteBuffer) -> LoadGenerator.Check = { _, status, body in
                guard status == 200 else { return .wrong("HTTP \(status)") }
                let decision = DecisionSummary(body)
                return decision.decision == "MATCH" ? .correct : .wrong(decision.decision)
            }

            // Ramp.
            var ramp: [(connections: Int, result: LoadGenerator.Result)] = []
            var connections = 1
            print("| connections | checks/s | p50 ms | p99 ms | wrong + failed |")
            print("|---:|---:|---:|---:|---:|")
            while connections <= maxConnections {
                let generator = LoadGenerator(client: client, baseURL: harness.baseURL, keys: harness.keys, connections: connections)
                let result = await generator.run(requests, bound: .duration(.seconds(step)), check: check)
                ramp.append((connections, result))
                print("| \(connections) | \(String(format2: result.rate)) | \(String(format2: result.latency.p50)) | \(String(format2: result.latency.p99)) | \(Self.errorText(result)) |")
                fflush(nil)
                connections *= 2
            }
            let best = ramp.map(\.result.rate).max() ?? 0
            guard let knee = ramp.first(where: { $0.result.rate >= 0.9 * best }) else { throw ValidationError("the ramp measured nothing") }
            let target = 0.7 * knee.result.rate
            let soakLevel = ramp.min { abs($0.result.rate - target) < abs($1.result.rate - target) }!
            print("knee: \(knee.connections) connections, \(String(format2: knee.result.rate)) checks/s, p99 \(String(format2: knee.result.latency.p99)) ms "
                + "(best \(String(format2: best))/s); soak at \(soakLevel.connections) connections ≈ \(String(format2: soakLevel.result.rate / knee.result.rate * 100)) % of the knee")

            // Soak.
            print("| minute | checks/s | p50 ms | p99 ms | wrong + failed | gateway RSS MiB | mocks RSS MiB |")
            print("|---:|---:|---:|---:|---:|---:|---:|")
            let generator = LoadGenerator(client: client, baseURL: harness.baseURL, keys: harness.keys, connections: soakLevel.connections)
            let samples = max(1, minutes * 60 / sample)
            var rss: [Double] = []
            var totalErrors = 0
            for index in 1...samples {
                let result = await generator.run(requests, bound: .duration(.seconds(sample)), check: check)
                let gateway = Double(Self.residentKiB(harness.gateway.pid)) / 1_024
                let mocks = Double(Self.residentKiB(harness.mocks.pid)) / 1_024
                rss.append(gateway)
                totalErrors += Self.errors(result)
                print("| \(String(format2: Double(index * sample) / 60)) | \(String(format2: result.rate)) | \(String(format2: result.latency.p50)) | "
                    + "\(String(format2: result.latency.p99)) | \(Self.errorText(result)) | \(String(format2: gateway)) | \(String(format2: mocks)) |")
                fflush(nil)
            }
            let growth = (rss.last ?? 0) - (rss.dropFirst(min(1, rss.count - 1)).first ?? 0)
            print("soak: \(samples) samples, \(totalErrors) wrong or failed answers, gateway RSS from sample 2 to the last: \(String(format2: growth)) MiB")
        } catch {
            try? await client.shutdown()
            await harness.stop()
            throw error
        }
        try? await client.shutdown()
        await harness.stop()
    }

    static func errors(_ result: LoadGenerator.Result) -> Int {
        result.wrong.values.reduce(0, +) + result.failures.values.reduce(0, +)
    }

    /// The error count with its kinds, e.g. `552 (HTTP 429 ×552)`: a 429 is the per-key rate limit (default 200/s,
    /// burst 400) answering a step whose connections share too few keys, not a failure of the gateway.
    static func errorText(_ result: LoadGenerator.Result) -> String {
        let count = errors(result)
        guard count > 0 else { return "0" }
        let kinds = result.wrong.merging(result.failures, uniquingKeysWith: +).sorted { $0.value > $1.value }
        return "\(count) (" + kinds.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") + ")"
    }

    /// `VmRSS` of a live process in KiB.
    static func residentKiB(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
