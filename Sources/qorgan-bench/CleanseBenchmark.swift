import ArgumentParser
import Foundation
import Identifiers
import Population
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `qorgan-bench cleanse` — batch cleansing at scale (issue 7): the release `qorgan cleanse` over files of parent
/// records (700,000 and 100,000 rows by default) against the mock registries in a second process on loopback.
/// Reports wall time, rows/s, the cleanser's peak RSS (`VmHWM`), the registry call rate and the mocks' CPU.
struct CleanseBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cleanse",
        abstract: "qorgan cleanse over N-row files against mocks in a second process: time, rows/s, peak RSS, registry calls/s."
    )

    @Option(help: "Row counts to run, smallest first recommended (repeatable).")
    var rows: [Int] = [100_000, 700_000]

    @Option(help: "People in the synthetic population (adults become parent rows).")
    var people: Int = 1_200_000

    @Option(help: "Population seed.")
    var seed: UInt64 = 3

    @Option(help: "Rows in flight towards the registries.")
    var concurrency: Int = 64

    @Option(help: "Requests in flight per kept-alive connection to the mocks (HTTP/1.1 pipelining; 1 = none, the product's default).")
    var pipelineDepth: Int = 1

    @Option(help: "Registry requests in flight at once (the transport's maximumConcurrentRequests; default: the configuration's, 16).")
    var registryRequests: Int?

    @Option(help: "Working directory (default: a fresh temporary one, removed afterwards).")
    var work: String?

    @Option(help: "The qorgan binary (default: next to this one).")
    var qorgan: String?

    func run() async throws {
        let directory = URL(fileURLWithPath: work ?? NSTemporaryDirectory() + "qorgan-cleanse-bench-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if work == nil { try? FileManager.default.removeItem(at: directory) } }
        let binary = qorgan ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qorgan").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchmarkFailure("qorgan binary not found at \(binary)") }

        print("generating \(people) people (seed \(seed)) and the input files…")
        let population = try PopulationGenerator(configuration: PopulationConfiguration(seed: seed, people: people)).generate()
        var inputs: [Int: URL] = [:]
        for count in Set(rows) {
            let url = directory.appendingPathComponent("parents-\(count).csv")
            let written = try ParentRecordsFile.write(population: population, rows: count, seed: seed, to: url)
            guard written == count else { throw BenchmarkFailure("the population has only \(written) adults; raise --people") }
            inputs[count] = url
        }

        let mocks = try ChildProcess.start(
            name: "mocks", executable: binary,
            arguments: ["mocks", "serve", "--seed", "\(seed)", "--people", "\(people)", "--export", directory.appendingPathComponent("mocks").path],
            outputDirectory: directory)
        defer { Task { await mocks.stop() } }
        _ = try await mocks.waitForOutput(containing: "sms ", timeout: .seconds(600))
        let connection = try Self.connectionFile(
            directory.appendingPathComponent("mocks/client/connection.json"), pipelineDepth: pipelineDepth, registryRequests: registryRequests)
        print("registry connection: pipeline depth \(pipelineDepth), requests in flight \(registryRequests.map(String.init) ?? "16 (default)")")

        var results: [CleanseRun] = []
        for count in rows {
            guard let input = inputs[count] else { continue }
            let out = directory.appendingPathComponent("results-\(count).csv").path
            let summary = directory.appendingPathComponent("summary-\(count).json").path
            let mocksCPUBefore = mocks.cpuSeconds
            print("cleansing \(count) rows…")
            let run = try await Self.measure(binary, [
                "cleanse", input.path, "--out", out, "--summary", summary, "--registries", connection,
                "--data-dir", directory.appendingPathComponent("var-\(count)").path, "--concurrency", "\(concurrency)", "--progress", "lines",
            ], directory: directory, name: "cleanse-\(count)")
            guard run.status == 0 else { throw BenchmarkFailure("qorgan cleanse exited \(run.status): \(run.errorTail)") }
            let statuses = try Self.statuses(summary)
            let registryRows = statuses.filter { !["INVALID_IIN", "UNREADABLE"].contains($0.key) }.values.reduce(0, +)
            results.append(CleanseRun(
                rows: count, seconds: run.seconds, peakRSSMiB: run.peakRSSMiB, registryCalls: registryRows,
                cleanserCPUSeconds: run.cpuSeconds, mocksCPUSeconds: mocks.cpuSeconds - mocksCPUBefore, statuses: statuses))
        }

        print("")
        print("| rows | wall s | rows/s | peak RSS MiB | registry calls/s | cleanser CPU s | mocks CPU s | CPU µs per row (both) | target |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for run in results {
            let target = run.rows >= 700_000 ? (run.seconds <= 150 && run.peakRSSMiB <= 300 ? "met (≤ 150 s, ≤ 300 MiB)" : "MISSED (≤ 150 s, ≤ 300 MiB)") : "—"
            print(
                "| \(run.rows) | \(String(format: "%.1f", run.seconds)) | \(Int(Double(run.rows) / run.seconds)) | \(String(format: "%.0f", run.peakRSSMiB)) | "
                    + "\(Int(Double(run.registryCalls) / run.seconds)) | \(String(format: "%.0f", run.cleanserCPUSeconds)) | "
                    + "\(String(format: "%.0f", run.mocksCPUSeconds)) | "
                    + "\(Int((run.cleanserCPUSeconds + run.mocksCPUSeconds) * 1e6 / Double(run.rows))) | \(target) |")
        }
        if results.count >= 2, let small = results.min(by: { $0.rows < $1.rows }), let large = results.max(by: { $0.rows < $1.rows }) {
            let perRowSmall = small.seconds / Double(small.rows)
            let perRowLarge = large.seconds / Double(large.rows)
            print(String(format: "linearity: time per row at %d rows / at %d rows = %.2f (1.00 = linear)", large.rows, small.rows, perRowLarge / perRowSmall))
        }
        for run in results {
            print("decisions at \(run.rows): " + run.statuses.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: " · "))
        }
    }

    /// The mocks' connection file, or a copy beside it (relative paths in it stay valid) with `httpPipelineDepth` and
    /// `transport.maximumConcurrentRequests` set when they differ from the defaults.
    static func connectionFile(_ original: URL, pipelineDepth: Int, registryRequests: Int?) throws -> String {
        guard pipelineDepth > 1 || registryRequests != nil else { return original.path }
        guard var document = try JSONSerialization.jsonObject(with: Data(contentsOf: original)) as? [String: Any] else {
            throw BenchmarkFailure("\(original.path) is not a JSON object")
        }
        if pipelineDepth > 1 { document["httpPipelineDepth"] = pipelineDepth }
        if let registryRequests { document["transport"] = ["maximumConcurrentRequests": registryRequests] }
        let copy = original.deletingLastPathComponent().appendingPathComponent("connection-bench.json")
        try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]).write(to: copy)
        return copy.path
    }

    /// Runs a child to completion; wall time, and peak RSS as the kernel's `VmHWM` of the child's own address space
    /// (polled every 100 ms; it only grows). Not `wait4`'s `ru_maxrss`: with `posix_spawn` the child starts on the
    /// parent's address space, and Linux carries that high-water mark (the benchmark's own population) across `exec`.
    static func measure(_ binary: String, _ arguments: [String], directory: URL, name: String, environment: [String: String] = [:]) async throws -> (
        status: Int32, seconds: Double, peakRSSMiB: Double, cpuSeconds: Double, errorTail: String
    ) {
        let child = try ChildProcess.start(name: name, executable: binary, arguments: arguments, environment: environment, outputDirectory: directory)
        let start = ContinuousClock.now
        let exited = ExitFlag()
        // `wait4`'s CPU times are the child's own (only its `ru_maxrss` is polluted by the spawn, see above).
        async let waited: (Int32, Double) = withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var status: Int32 = 0
                var usage = rusage()
                _ = wait4(child.pid, &status, 0, &usage)
                exited.set()
                let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
                continuation.resume(returning: (status, cpu))
            }
        }
        var peakKiB = 0
        while !exited.isSet {
            peakKiB = max(peakKiB, highWaterKiB(child.pid))
            try? await Task.sleep(for: .milliseconds(100))
        }
        let (status, cpuSeconds) = await waited
        ChildProcessList.shared.remove(child.pid)
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, seconds, Double(peakKiB) / 1024, cpuSeconds, child.errorTail())
    }

    /// `VmHWM` of a live process in KiB (0 once it has exited).
    static func highWaterKiB(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Status counts from a cleanse JSON summary.
    static func statuses(_ path: String) throws -> [String: Int] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let list = object?["statuses"] as? [[String: Any]] ?? []
        var counts: [String: Int] = [:]
        for entry in list {
            if let label = entry["label"] as? String, let count = entry["count"] as? Int, count > 0 { counts[label] = count }
        }
        return counts
    }
}

/// A flag set once from another thread.
final class ExitFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// One measured cleanse run.
struct CleanseRun: Sendable {
    let rows: Int
    let seconds: Double
    let peakRSSMiB: Double
    let registryCalls: Int
    let cleanserCPUSeconds: Double
    let mocksCPUSeconds: Double
    let statuses: [String: Int]
}

/// Writes a benchmark input: one row per adult of the population (up to `rows`), as platforms export them (UTF-8
/// with BOM, `;`, CRLF), with typing defects at fixed rates — surname typos, lower-case names, a mistyped IIN digit,
/// a wrong birth day, an IIN reused under another name, an unreadable row — so every decision path is exercised.
enum ParentRecordsFile {
    /// Returns the rows written (fewer than `rows` when the population has fewer adults).
    static func write(population: Population, rows: Int, seed: UInt64, to url: URL) throws -> Int {
        var random = SplitMix64(seed: seed &+ UInt64(rows))
        let reference = population.configuration.referenceDate
        var text = "\u{FEFF}ИИН;Фамилия;Имя;Отчество;Дата рождения;Телефон\r\n"
        text.reserveCapacity(rows * 80)
        guard let handle = FileHandle(forWritingAtPath: url.path) ?? {
            FileManager.default.createFile(atPath: url.path, contents: nil)
            return FileHandle(forWritingAtPath: url.path)
        }() else { throw BenchmarkFailure("cannot write \(url.path)") }
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        var written = 0
        var previousIIN = ""
        for person in population.people where written < rows && reference.year - person.birthDate.year >= 19 {
            var iin = person.iin.unmasked
            var surname = person.surname
            var firstName = person.firstName
            var day = person.birthDate.day
            let roll = random.next() % 1_000
            switch roll {
            case 0..<40:  // a typo: two neighbouring letters swapped
                var letters = Array(surname)
                if letters.count > 3 { letters.swapAt(1, 2) }
                surname = String(letters)
            case 40..<70:
                surname = surname.lowercased()
                firstName = firstName.lowercased()
            case 70..<80:  // a mistyped digit
                let last = Int(String(iin.last!))!
                iin = String(iin.dropLast()) + String((last + 1) % 10)
            case 80..<90:
                day = day % 28 + 1
            case 90..<95 where !previousIIN.isEmpty:  // someone else's IIN
                iin = previousIIN
            case 95..<97:
                text += "\(iin);\(surname);\(firstName);;;;x;y\r\n"  // too many fields: unreadable
                written += 1
                continue
            default:
                break
            }
            previousIIN = person.iin.unmasked
            let date = String(format: "%02d.%02d.%04d", day, person.birthDate.month, person.birthDate.year)
            let phone = person.phone.map { roll % 2 == 0 ? $0 : "8" + $0.dropFirst(2) } ?? ""
            text += "\(iin);\(surname);\(firstName);\(person.patronymic ?? "");\(date);\(phone)\r\n"
            written += 1
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
        return written
    }
}
