import ArgumentParser
import Foundation
import Population

#if canImport(Glibc)
import Glibc
#endif

/// `qorgan-bench workers` — shared batch cleansing on PostgreSQL (issue 10): `qorgan cleanse --distributed` plans an
/// N-row file into chunks and 1, 2, 4 … `qorgan worker` processes decide them against the mock registries (a second
/// process on loopback). Reports wall time, rows/s, and the CPU seconds of the workers, the mocks and the coordinator
/// (where the time goes), and the load average.
struct WorkersBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workers",
        abstract: "qorgan cleanse --distributed with 1, 2, 4 qorgan workers on PostgreSQL: rows/s and where the CPU goes."
    )

    @Option(help: "The PostgreSQL server (default QORGAN_TEST_POSTGRES_URL; scripts/with-postgres.sh starts one). Each run gets a schema of its own.")
    var database: String?

    @Option(help: "Worker counts to run (repeatable).")
    var workers: [Int] = [1, 2, 4]

    @Option(help: "Rows in the input file.")
    var rows: Int = 50_000

    @Option(help: "People in the synthetic population (adults become parent rows).")
    var people: Int = 100_000

    @Option(help: "Population seed.")
    var seed: UInt64 = 3

    @Option(help: "Rows in flight towards the registries per worker.")
    var concurrency: Int = 64

    @Option(name: .customLong("chunk-size"), help: "Rows per leased chunk.")
    var chunkSize: Int = 500

    @Option(help: "Working directory (default: a fresh temporary one, removed afterwards).")
    var work: String?

    @Option(help: "The qorgan binary (default: next to this one).")
    var qorgan: String?

    func run() async throws {
        guard let base = database ?? ProcessInfo.processInfo.environment["QORGAN_TEST_POSTGRES_URL"] else {
            throw BenchmarkFailure("give --database postgres://… or QORGAN_TEST_POSTGRES_URL (scripts/with-postgres.sh)")
        }
        let directory = URL(fileURLWithPath: work ?? NSTemporaryDirectory() + "qorgan-workers-bench-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if work == nil { try? FileManager.default.removeItem(at: directory) } }
        let binary = qorgan ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qorgan").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchmarkFailure("qorgan binary not found at \(binary)") }

        print("generating \(people) people (seed \(seed)) and \(rows) rows…")
        let population = try PopulationGenerator(configuration: PopulationConfiguration(seed: seed, people: people)).generate()
        let input = directory.appendingPathComponent("parents-\(rows).csv")
        let written = try ParentRecordsFile.write(population: population, rows: rows, seed: seed, to: input)
        guard written == rows else { throw BenchmarkFailure("the population has only \(written) adults; raise --people") }

        let mocks = try ChildProcess.start(
            name: "mocks", executable: binary,
            arguments: ["mocks", "serve", "--seed", "\(seed)", "--people", "\(people)", "--export", directory.appendingPathComponent("mocks").path],
            outputDirectory: directory)
        defer { Task { await mocks.stop() } }
        _ = try await mocks.waitForOutput(containing: "sms ", timeout: .seconds(600))
        let connection = directory.appendingPathComponent("mocks/client/connection.json").path
        // One set of store keys for every process of a run (as a deployment sets them).
        let keys = ["QORGAN_LOOKUP_KEY": Self.randomKey(), "QORGAN_PAYLOAD_KEY": Self.randomKey()]

        var results: [WorkersRun] = []
        for count in workers {
            let schema = "bench_\(count)_\(getpid())"
            let url = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
            let data = directory.appendingPathComponent("var-\(count)").path
            let loadBefore = Self.loadAverage()
            let mocksCPUBefore = mocks.cpuSeconds
            print("cleansing \(rows) rows with \(count) worker(s)…")
            let start = ContinuousClock.now
            let coordinator = try ChildProcess.start(
                name: "coordinator-\(count)", executable: binary,
                arguments: [
                    "cleanse", input.path, "--out", directory.appendingPathComponent("results-\(count).csv").path, "--database", url, "--distributed",
                    "--registries", connection, "--data-dir", data, "--chunk-size", "\(chunkSize)", "--progress", "lines",
                ],
                environment: keys, outputDirectory: directory)
            var started: [ChildProcess] = []
            for index in 0..<count {
                started.append(
                    try ChildProcess.start(
                        name: "worker-\(count)-\(index)", executable: binary,
                        arguments: [
                            "worker", "--database", url, "--registries", connection, "--data-dir", data, "--name", "w\(index)",
                            "--concurrency", "\(concurrency)", "--log-level", "warning",
                        ],
                        environment: keys, outputDirectory: directory))
            }
            var coordinatorCPU = 0.0
            var workerCPU = Array(repeating: 0.0, count: count)
            var loadPeak = 0.0
            while coordinator.isRunning {
                coordinatorCPU = max(coordinatorCPU, coordinator.cpuSeconds)
                for (index, worker) in started.enumerated() { workerCPU[index] = max(workerCPU[index], worker.cpuSeconds) }
                loadPeak = max(loadPeak, Self.loadAverage())
                try? await Task.sleep(for: .milliseconds(200))
            }
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            let mocksCPU = mocks.cpuSeconds - mocksCPUBefore
            for worker in started { await worker.stop() }
            ChildProcessList.shared.remove(coordinator.pid)
            // Line feeds, not Characters: the results use CRLF, one grapheme in Swift.
            let resultLines = try Data(contentsOf: directory.appendingPathComponent("results-\(count).csv")).reduce(0) { $0 + ($1 == 10 ? 1 : 0) } - 1
            guard resultLines >= rows else { throw BenchmarkFailure("run with \(count) workers wrote \(resultLines) rows: \(coordinator.errorTail())") }
            results.append(WorkersRun(
                workers: count, seconds: seconds, workerCPUSeconds: workerCPU.reduce(0, +), mocksCPUSeconds: mocksCPU,
                coordinatorCPUSeconds: coordinatorCPU, loadBefore: loadBefore, loadPeak: loadPeak))
        }

        print("")
        print("| workers | wall s | rows/s | speed-up | workers CPU s | mocks CPU s | coordinator CPU s | load avg before → peak |")
        print("|---:|---:|---:|---:|---:|---:|---:|---|")
        let baseline = results.first.map { Double(rows) / $0.seconds } ?? 1
        for run in results {
            let rate = Double(rows) / run.seconds
            print(
                "| \(run.workers) | \(String(format: "%.1f", run.seconds)) | \(Int(rate)) | \(String(format: "%.2f", rate / baseline)) | "
                    + "\(String(format: "%.0f", run.workerCPUSeconds)) | \(String(format: "%.0f", run.mocksCPUSeconds)) | "
                    + "\(String(format: "%.0f", run.coordinatorCPUSeconds)) | \(String(format: "%.2f", run.loadBefore)) → \(String(format: "%.2f", run.loadPeak)) |")
        }
    }

    /// 32 random bytes, base64 (a store key).
    static func randomKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }

    /// The one-minute load average.
    static func loadAverage() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return 0 }
        return Double(text.split(separator: " ").first ?? "") ?? 0
    }
}

/// One measured shared-batch run.
struct WorkersRun: Sendable {
    let workers: Int
    let seconds: Double
    let workerCPUSeconds: Double
    let mocksCPUSeconds: Double
    let coordinatorCPUSeconds: Double
    let loadBefore: Double
    let loadPeak: Double
}
