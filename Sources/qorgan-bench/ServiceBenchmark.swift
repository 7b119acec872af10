import ArgumentParser
import AsyncHTTPClient
import Dispatch
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Population
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `qorgan-bench service` — the gateway under load: registration verifications/s with p50/p99 and 15,000 voucher
/// activations with every decision checked against the ground truth, beside nginx's loopback limit measured in the
/// same run.
///
/// Processes: `qorgan mocks serve` (the registries, a second process), `qorgan serve` (the gateway, a third), and
/// this one (the closed-loop load generator, ``LoadGenerator``, plus an SMS mock for the consent codes). All on
/// 127.0.0.1; every child is stopped on exit, failure or Ctrl-C.
///
/// 1. Setup (untimed): consents for `--registrants` people (SMS code read back, confirmed).
/// 2. Registration: `POST /v1/registrations/verify` for those people in a cycle, `--registration-connections` at a time, a warm-up
///    then `--duration` seconds; every answer must be 200 MATCH.
/// 3. Vouchers: `--activations` `POST /v1/voucher-activations`, one per declared child; each decision is compared
///    with ``VoucherExpectation``.
/// 4. nginx serving one registration answer as a static file (POST, same bodies, registration's connections, same duration)
///    with this load generator, and with `wrk` when installed: the loopback limit of this machine in this run.
struct ServiceBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Gateway load: registration verifications/s (p50/p99) and 15,000 voucher activations, vs. nginx on loopback in the same run."
    )

    @Option(help: "Population seed (the mocks and the benchmark generate the same one).")
    var seed: UInt64 = 1

    @Option(help: "People in the population (about 7 % become declarations; 250,000 give ≈ 17,000 distinct children).")
    var people: Int = 250_000

    @Option(help: "People given a consent and verified at registration (in a cycle).")
    var registrants: Int = 2_000

    @Option(help: "Concurrent connections (closed loop) for the voucher phase and the nginx reference.")
    var connections: Int = 64

    @Option(help: ArgumentHelp(
        "Concurrent connections (closed loop) of the registration phase.",
        discussion: "A closed loop of C connections at R requests/s has a mean latency of C/R (Little's law): 64 connections at 2,000/s already average 32 ms, so a p99 ≤ 50 ms needs fewer. Default 32, a registration front end's connection pool."))
    var registrationConnections: Int = 32

    @Option(help: "Registrar API keys the connections are spread over (the gateway limits each key to 200 requests/s).")
    var keys: Int = 64

    @Option(help: "Seconds of registration load measured (after --warmup seconds).")
    var duration: Int = 20

    @Option(help: "Seconds of registration load before measuring.")
    var warmup: Int = 3

    @Option(help: "Voucher activations (distinct children).")
    var activations: Int = 15_000

    @Option(help: "Upper bound on the voucher phase, seconds.")
    var voucherLimit: Int = 180

    @Option(help: "The qorgan executable (default: next to this benchmark).")
    var qorgan: String?

    @Option(help: "The gateway's log level (its default is info: one access line and one decision line per request).")
    var gatewayLogLevel: String = "info"

    @Option(help: "Load generator of the registration phase: wrk (the default: about 30 µs of CPU per request) or builtin (AsyncHTTPClient, about 150 µs, taken from the same two cores as the gateway).")
    var registrationLoad: RegistrationLoadTool = .wrk

    @Flag(help: "Skip the nginx reference runs.")
    var skipNginx = false

    @Flag(help: "Skip the registration phase.")
    var skipRegistration = false

    @Flag(help: "Skip the voucher phase.")
    var skipVouchers = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Keep the temporary directory (logs of the gateway and the mocks).")
    var keep = false

    func validate() throws {
        guard connections > 0, registrationConnections > 0, keys > 0, registrants > 0, duration > 0, activations >= 0, people > 0 else {
            throw ValidationError("counts must be positive")
        }
        if registrationLoad == .wrk, !skipRegistration, !WrkRegistrationLoad.isInstalled {
            throw ValidationError("wrk is not installed (apt-get install -y wrk), or pass --registration-load builtin")
        }
    }

    func run() async throws {
        let executable = qorgan ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("qorgan").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ValidationError("no qorgan executable at \(executable); build it (--product qorgan) or pass --qorgan")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-bench-service-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
        let signals = Self.stopChildrenOnSignals()
        defer { signals.forEach { $0.cancel() } }

        var load = [Double](repeating: 0, count: 3)
        _ = getloadavg(&load, 3)
        let log: (String) -> Void = { line in if !json { print(line); fflush(nil) } }
        log("service: load average \(load.map { String(format2: $0) }.joined(separator: " ")); qorgan \(executable); work directory \(directory.path)")

        let clock = ContinuousClock()
        let generationStart = clock.now
        async let generated = Task.detached { try PopulationGenerator(configuration: PopulationConfiguration(seed: seed, people: people)).generate() }.value
        let harness = try await GatewayHarness.start(
            qorgan: executable, seed: seed, people: people, keyCount: keys, logLevel: gatewayLogLevel, directory: directory)
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.timeout = .init(connect: .seconds(2), read: .seconds(30))
        clientConfiguration.connectionPool = .init(idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: max(connections, registrationConnections, 8))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        do {
            let population = try await generated
            let workload = ServiceWorkload(
                population: population, registrants: registrants, activations: activations, runID: String(getpid()))
            log("  population \(people) people generated in \(String(format2: seconds(clock.now - generationStart))) s (with the mocks starting); "
                + "\(workload.registrants.count) registrants, \(workload.activations.count) activations "
                + "(\(workload.duplicateChildrenSkipped) declarations skipped: child already declared)")
            try await harness.waitUntilHealthy(client: client, timeout: .seconds(30))
            let report = try await measure(harness: harness, client: client, workload: workload, directory: directory, load: load, log: log)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(report.table())
            }
        } catch {
            try? await client.shutdown()
            await harness.stop()
            throw error
        }
        try? await client.shutdown()
        await harness.stop()
    }

    private func measure(
        harness: GatewayHarness, client: HTTPClient, workload: ServiceWorkload, directory: URL, load: [Double], log: (String) -> Void
    ) async throws -> ServiceBenchmarkReport {
        let clock = ContinuousClock()
        let setupStart = clock.now
        let confirmed = try await harness.confirmConsents(for: workload.registrants, client: client, connections: min(connections, 32))
        log("  setup: \(confirmed) consents created and confirmed in \(String(format2: seconds(clock.now - setupStart))) s")
        var report = ServiceBenchmarkReport(
            date: ISO8601DateFormatter().string(from: Date()), loadAverageBefore: load,
            command: CommandLine.arguments.joined(separator: " "), people: people, apiKeys: harness.keys.count, consentsConfirmed: confirmed,
            voucherOutcomes: [:])
        let generator = LoadGenerator(client: client, baseURL: harness.baseURL, keys: harness.keys, connections: registrationConnections)
        let processes = ["gateway": { harness.gateway.cpuSeconds }, "mocks": { harness.mocks.cpuSeconds }, "load": { Self.ownCPUSeconds() }]

        var sampleAnswer: ByteBuffer?
        if !skipRegistration {
            let requests = workload.registrants.map { LoadGenerator.Request(path: "/v1/registrations/verify", body: $0.body) }
            let check: @Sendable (Int, UInt, ByteBuffer) -> LoadGenerator.Check = { _, status, body in
                guard status == 200 else { return .wrong("HTTP \(status)") }
                let decision = DecisionSummary(body)
                return decision.decision == "MATCH" ? .correct : .wrong("\(decision.decision) \(decision.reasons)")
            }
            let useWrk = registrationLoad == .wrk
            let tool = useWrk ? "wrk" : "built-in load generator"
            log("  registration (\(tool)): warm-up \(warmup) s …")
            let wrk = WrkRegistrationLoad(baseURL: harness.baseURL, keys: harness.keys, connections: registrationConnections, directory: directory)
            let bodies = workload.registrants.map(\.body)
            if useWrk {
                _ = try await wrk.run(bodies: bodies, seconds: warmup)
            } else {
                _ = await generator.run(requests, bound: .duration(.seconds(warmup)), check: check)
            }
            log("  registration (\(tool)): measuring \(duration) s, \(registrationConnections) connections …")
            let before = processes.mapValues { $0() }
            let wrkRun = useWrk ? try await wrk.run(bodies: bodies, seconds: duration) : nil
            let result = if let wrkRun { wrkRun.result } else { await generator.run(requests, bound: .duration(.seconds(duration)), check: check) }
            var cpu = processes.mapValues { $0() }.merging(before, uniquingKeysWith: -)
            if let wrkRun { cpu["load"] = wrkRun.cpuSeconds }  // wrk is a child process, not this one
            report.registration = .init(name: "registration verify (\(useWrk ? "wrk" : "built-in"))", connections: registrationConnections, result: result, cpu: cpu)
            log("  registration: \(format(result.rate))/s, p50 \(String(format2: result.latency.p50)) ms, p99 \(String(format2: result.latency.p99)) ms")
        }
        // One answer to serve from nginx: a real registration decision document.
        if let first = workload.registrants.first {
            var request = HTTPClientRequest(url: harness.baseURL + "/v1/registrations/verify")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer " + harness.keys[0])
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(first.body)
            let response = try await client.execute(request, timeout: .seconds(10))
            sampleAnswer = try await response.body.collect(upTo: 1 << 20)
        }

        if !skipVouchers, !workload.activations.isEmpty {
            let activations = workload.activations
            let requests = activations.map { LoadGenerator.Request(path: "/v1/voucher-activations", body: $0.body) }
            log("  vouchers: \(activations.count) activations, \(connections) connections …")
            let outcomes = OutcomeTally()
            let before = processes.mapValues { $0() }
            let result = await generator.run(requests, bound: .count(limit: .seconds(voucherLimit))) { index, status, body in
                let expectation = activations[index].expectation
                guard status == 201 || status == 200 else {
                    outcomes.add("\(expectation.basis) → HTTP \(status)")
                    return .wrong("\(expectation.basis): HTTP \(status)")
                }
                let decision = DecisionSummary(body)
                outcomes.add("\(expectation.basis) → \(decision.decision)")
                return expectation.allowed.contains(decision.decision)
                    ? .correct : .wrong("\(expectation.basis): expected \(expectation.allowed.sorted().joined(separator: "|")), got \(decision.decision) \(decision.reasons)")
            }
            let cpu = processes.mapValues { $0() }.merging(before, uniquingKeysWith: -)
            report.vouchers = .init(name: "vouchers", connections: connections, result: result, cpu: cpu)
            report.voucherOutcomes = outcomes.counts
            log("  vouchers: \(result.completed) in \(String(format2: seconds(result.elapsed))) s, \(result.correct) correct")
        }

        if !skipNginx, let sampleAnswer {
            try await measureNginx(report: &report, answer: sampleAnswer, requests: workload.registrants, client: client, directory: directory, log: log)
        }
        report.computeRatios()
        return report
    }

    private func measureNginx(
        report: inout ServiceBenchmarkReport, answer: ByteBuffer, requests registrants: [ServiceWorkload.Registrant], client: HTTPClient,
        directory: URL, log: (String) -> Void
    ) async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx") else {
            log("  nginx: not installed (apt-get install -y nginx-light); no loopback limit measured")
            return
        }
        let prefix = directory.appendingPathComponent("nginx", isDirectory: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("www"), withIntermediateDirectories: true)
        try Data(answer.readableBytesView).write(to: prefix.appendingPathComponent("www/decision.json"))
        let port = try GatewayHarness.freePort()
        let configurationFile = prefix.appendingPathComponent("nginx.conf")
        try Data(MocksBenchmark.nginxConfiguration(prefix: prefix.path, port: port).utf8).write(to: configurationFile)
        let nginx = try ChildProcess.start(
            name: "nginx", executable: "/usr/sbin/nginx", arguments: ["-p", prefix.path, "-c", configurationFile.path], outputDirectory: directory)
        do {
            let url = "http://127.0.0.1:\(port)"
            var ready = false
            for _ in 0..<100 where !ready {
                try await Task.sleep(for: .milliseconds(50))
                ready = (try? await client.execute(HTTPClientRequest(url: url + "/decision.json"), timeout: .seconds(1)))?.status == .ok
            }
            guard ready else { throw BenchmarkFailure("nginx did not start: \(nginx.errorTail())") }
            let generator = LoadGenerator(client: client, baseURL: url, keys: [], connections: registrationConnections)
            let requests = registrants.map { LoadGenerator.Request(path: "/decision.json", body: $0.body) }
            let expected = answer.readableBytes
            let check: @Sendable (Int, UInt, ByteBuffer) -> LoadGenerator.Check = { _, status, body in
                status == 200 && body.readableBytes == expected ? .correct : .wrong("HTTP \(status), \(body.readableBytes) bytes")
            }
            log("  nginx (built-in generator): warm-up \(warmup) s, measuring \(duration) s …")
            _ = await generator.run(requests, bound: .duration(.seconds(warmup)), check: check)
            let before = ["load": Self.ownCPUSeconds(), "nginx": nginx.cpuSeconds]
            let result = await generator.run(requests, bound: .duration(.seconds(duration)), check: check)
            let cpu = ["load": Self.ownCPUSeconds(), "nginx": nginx.cpuSeconds].merging(before, uniquingKeysWith: -)
            report.nginxSameTool = .init(name: "nginx static (built-in generator)", connections: registrationConnections, result: result, cpu: cpu)
            if WrkRegistrationLoad.isInstalled {
                let wrk = ["wrk", "-t2", "-c\(registrationConnections)", "-d\(duration)s", "--latency", url + "/decision.json"]
                log("  nginx (wrk): \(wrk.joined(separator: " ")) …")
                if let output = try? await MocksBenchmark.run(wrk), let parsed = try? WrkResult(output) {
                    report.nginxWrkRequestsPerSecond = parsed.requestsPerSecond
                    report.nginxWrkP50 = parsed.p50
                    report.nginxWrkP99 = parsed.p99
                }
            }
        } catch {
            await nginx.stop()
            throw error
        }
        await nginx.stop()
    }

    /// User + system CPU seconds of this process.
    static func ownCPUSeconds() -> Double { MocksBenchmark.processCPUSeconds() }

    /// On SIGINT or SIGTERM: kill every child still running, then exit.
    static func stopChildrenOnSignals() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                ChildProcessList.shared.killAll()
                Glibc.exit(130)
            }
            source.resume()
            return source
        }
    }
}
