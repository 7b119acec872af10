import ArgumentParser
import Foundation
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Which load generator drives the registration phase of `qorgan-bench service`.
enum RegistrationLoadTool: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// ``LoadGenerator`` on AsyncHTTPClient: every answer decoded (`DecisionSummary`).
    case builtin
    /// ``WrkRegistrationLoad``: wrk with a Lua script; every answer checked for 200 and a MATCH decision.
    case wrk
}

/// The registration phase under `wrk`, a cross-check of ``LoadGenerator`` with the same bodies, keys and
/// connections. It costs wrk ≈ 40 µs of CPU per request against the built-in generator's ≈ 170 µs, yet the gateway
/// measured fewer checks per second under it (BENCHMARKS.md), so the built-in generator stays the default.
///
/// A Lua script builds every request once (`wrk.format`), sends them in a cycle from a different offset per thread,
/// spreads the API keys over the requests (request *i* carries key *i* mod keys), and counts an answer correct only
/// when its status is 200 and its body holds `"decision":"MATCH"`; `done` prints the counts and the latency
/// percentiles in microseconds on one line this type parses.
struct WrkRegistrationLoad {
    /// Wall time, requests and latencies of one run, in ``LoadGenerator/Result``'s terms.
    struct Run {
        var result: LoadGenerator.Result
        /// CPU seconds wrk used (user + system, from `RUSAGE_CHILDREN` around the run).
        var cpuSeconds: Double
    }

    /// `http://127.0.0.1:PORT` of the gateway.
    let baseURL: String
    /// Registrar API keys.
    let keys: [String]
    /// Concurrent connections (wrk `-c`).
    let connections: Int
    /// Working directory for the request file and the script.
    let directory: URL

    /// Whether wrk is installed where this benchmark looks for it.
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") }

    /// Runs wrk for `seconds` over `bodies` (JSON request bodies, one line each) and parses its report.
    func run(bodies: [ByteBuffer], seconds: Int) async throws -> Run {
        let requestsFile = directory.appendingPathComponent("wrk-registrations.tsv")
        var lines = Data()
        for (index, body) in bodies.enumerated() {
            let text = String(buffer: body)
            guard !text.contains("\n"), !text.contains("\t") else { throw BenchmarkFailure("a registration body spans lines; wrk cannot replay it") }
            lines.append(Data((keys[index % keys.count] + "\t" + text + "\n").utf8))
        }
        try lines.write(to: requestsFile)
        let script = directory.appendingPathComponent("wrk-registrations.lua")
        try Data(Self.luaScript(requests: requestsFile.path).utf8).write(to: script)
        let threads = min(2, connections)
        let childrenBefore = MocksBenchmark.processCPUSeconds(RUSAGE_CHILDREN)
        let output = try await MocksBenchmark.run(
            ["wrk", "-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--timeout", "10s", "-s", script.path, baseURL + "/v1/registrations/verify"])
        let cpu = MocksBenchmark.processCPUSeconds(RUSAGE_CHILDREN) - childrenBefore
        return Run(result: try Self.parse(output), cpuSeconds: cpu)
    }

    /// The `qorgan-wrk` line of `output` as a ``LoadGenerator/Result``.
    static func parse(_ output: String) throws -> LoadGenerator.Result {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("qorgan-wrk ") }) else {
            throw BenchmarkFailure("wrk printed no qorgan-wrk line: \(output.suffix(500))")
        }
        var fields: [String: Double] = [:]
        for pair in line.split(separator: " ").dropFirst() {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1]) else { throw BenchmarkFailure("unreadable wrk field \(pair)") }
            fields[String(parts[0])] = value
        }
        func field(_ name: String) throws -> Double {
            guard let value = fields[name] else { throw BenchmarkFailure("wrk line lacks \(name)") }
            return value
        }
        let completed = Int(try field("requests"))
        let wrong = Int(try field("wrong"))
        let socketErrors = Int(try field("connect") + field("read") + field("write") + field("timeout"))
        let latency = LatencySummary(
            count: completed, p50: try field("p50") / 1_000, p90: try field("p90") / 1_000, p99: try field("p99") / 1_000,
            p999: try field("p999") / 1_000, max: try field("max") / 1_000, mean: try field("mean") / 1_000)
        return LoadGenerator.Result(
            completed: completed, correct: Int(try field("correct")), wrong: wrong > 0 ? ["not 200 MATCH": wrong] : [:],
            failures: socketErrors > 0 ? ["socket errors (connect, read, write, timeout)": socketErrors] : [:],
            elapsed: .microseconds(Int64(try field("duration_us"))), latency: latency)
    }

    /// The Lua script: requests built once, keys spread, every answer checked, one summary line.
    static func luaScript(requests path: String) -> String {
        """
        local threads = {}
        local requests = {}
        local next_index = 0
        correct = 0
        wrong = 0

        function setup(thread)
            thread:set("offset", #threads * 7919)
            table.insert(threads, thread)
        end

        function init(args)
            for line in io.lines("\(path)") do
                local key, body = line:match("^([^\\t]*)\\t(.*)$")
                requests[#requests + 1] = wrk.format("POST", nil,
                    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }, body)
            end
            next_index = offset % #requests
        end

        function request()
            next_index = next_index % #requests + 1
            return requests[next_index]
        end

        function response(status, headers, body)
            if status == 200 and body:find('"decision":"MATCH"', 1, true) then
                correct = correct + 1
            else
                wrong = wrong + 1
            end
        end

        function done(summary, latency, requests)
            local c, w = 0, 0
            for _, thread in ipairs(threads) do
                c = c + thread:get("correct")
                w = w + thread:get("wrong")
            end
            local e = summary.errors
            io.write(string.format(
                "qorgan-wrk requests=%d duration_us=%d correct=%d wrong=%d connect=%d read=%d write=%d timeout=%d " ..
                "p50=%d p90=%d p99=%d p999=%d max=%d mean=%.1f\\n",
                summary.requests, summary.duration, c, w, e.connect, e.read, e.write, e.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
                latency.max, latency.mean))
        end
        """
    }
}
