import Foundation

/// The figures of one `qorgan-bench service` run, printed as a table or (with `--json`) as JSON.
struct ServiceBenchmarkReport: Sendable, Codable {
    /// One closed-loop phase.
    struct Phase: Sendable, Codable {
        /// What was sent.
        var name: String
        /// Concurrent connections.
        var connections: Int
        /// Requests completed.
        var requests: Int
        /// Wall time, s.
        var seconds: Double
        /// Requests per second.
        var rate: Double
        /// Latency percentiles, ms.
        var latency: LatencySummary
        /// Answers with the expected decision.
        var correct: Int
        /// Answers with another decision or status, by label.
        var wrong: [String: Int]
        /// Transport failures, by description.
        var failures: [String: Int]
        /// CPU µs per request of each process (gateway, mocks, load generator).
        var cpuMicrosecondsPerRequest: [String: Double]

        init(name: String, connections: Int, result: LoadGenerator.Result, cpu: [String: Double]) {
            self.name = name
            self.connections = connections
            requests = result.completed
            seconds = qorgan_bench.seconds(result.elapsed)
            rate = result.rate
            latency = result.latency
            correct = result.correct
            wrong = result.wrong
            failures = result.failures
            cpuMicrosecondsPerRequest = cpu.mapValues { result.completed == 0 ? 0 : $0 / Double(result.completed) * 1e6 }
        }
    }

    /// When, where, how.
    var date: String
    var loadAverageBefore: [Double]
    var command: String
    var people: Int
    var apiKeys: Int
    var consentsConfirmed: Int
    var registration: Phase?
    var vouchers: Phase?
    /// Expected vs. got for the voucher phase: "basis → decision" → count.
    var voucherOutcomes: [String: Int]
    var nginxSameTool: Phase?
    var nginxWrkRequestsPerSecond: Double?
    var nginxWrkP50: String?
    var nginxWrkP99: String?

    /// Registration rate over nginx's rate under the built-in generator (set by ``computeRatios()``).
    var ratioToNginx: Double?
    /// Registration rate over nginx's rate under wrk (set by ``computeRatios()``).
    var ratioToNginxWrk: Double?

    /// Fills in the ratios from the phases measured.
    mutating func computeRatios() {
        if let registration, let nginxSameTool, nginxSameTool.rate > 0 { ratioToNginx = registration.rate / nginxSameTool.rate }
        if let registration, let nginxWrkRequestsPerSecond, nginxWrkRequestsPerSecond > 0 {
            ratioToNginxWrk = registration.rate / nginxWrkRequestsPerSecond
        }
    }

    /// The human-readable summary.
    func table() -> String {
        var lines: [String] = []
        lines.append("service benchmark, \(date), load average before \(loadAverageBefore.map { String(format2: $0) }.joined(separator: " "))")
        lines.append("  \(command)")
        lines.append("  population \(people) people; \(apiKeys) registrar API keys; \(consentsConfirmed) consents confirmed")
        lines.append("")
        lines.append("| phase | conns | requests | s | req/s | p50 ms | p90 ms | p99 ms | max ms | correct | wrong | failed | CPU µs/req gateway · mocks · load |")
        lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for phase in [registration, vouchers, nginxSameTool].compactMap({ $0 }) {
            let wrong = phase.wrong.values.reduce(0, +)
            let failed = phase.failures.values.reduce(0, +)
            let cpu = ["gateway", "mocks", "load"].map { phase.cpuMicrosecondsPerRequest[$0].map { format($0) } ?? "–" }.joined(separator: " · ")
            lines.append(
                "| \(phase.name) | \(phase.connections) | \(format(Double(phase.requests))) | \(String(format2: phase.seconds)) | \(format(phase.rate)) "
                    + "| \(String(format2: phase.latency.p50)) | \(String(format2: phase.latency.p90)) | \(String(format2: phase.latency.p99)) "
                    + "| \(String(format2: phase.latency.max)) | \(format(Double(phase.correct))) | \(wrong) | \(failed) | \(cpu) |")
        }
        if let nginxWrkRequestsPerSecond {
            lines.append("| nginx static, wrk | | | | \(format(nginxWrkRequestsPerSecond)) | \(nginxWrkP50 ?? "?") | | \(nginxWrkP99 ?? "?") | | | | | |")
        }
        lines.append("")
        if let registration {
            let target = registration.rate >= 2_000 && registration.latency.p99 <= 50 && registration.wrong.isEmpty && registration.failures.isEmpty
            lines.append("registration: \(format(registration.rate))/s, p50 \(String(format2: registration.latency.p50)) ms, "
                + "p99 \(String(format2: registration.latency.p99)) ms — target ≥ 2,000/s with p99 ≤ 50 ms, all MATCH: \(target ? "met" : "NOT met")")
        }
        if let ratioToNginx { lines.append("  ratio to nginx under the built-in generator: \(String(format2: ratioToNginx * 100)) %") }
        if let ratioToNginxWrk { lines.append("  ratio to nginx under wrk: \(String(format2: ratioToNginxWrk * 100)) %") }
        if let vouchers {
            let allCorrect = vouchers.correct == vouchers.requests
            lines.append("vouchers: \(format(Double(vouchers.requests))) activations in \(String(format2: vouchers.seconds)) s "
                + "(\(format(vouchers.rate))/s), \(format(Double(vouchers.correct))) with the expected decision — target ≤ 30 s, every one correct: "
                + (vouchers.seconds <= 30 && allCorrect && vouchers.requests >= 15_000 ? "met" : "NOT met"))
            for (key, count) in voucherOutcomes.sorted(by: { $0.key < $1.key }) { lines.append("  \(key): \(count)") }
            for (key, count) in vouchers.wrong.sorted(by: { $0.value > $1.value }).prefix(20) { lines.append("  WRONG \(key): \(count)") }
        }
        for phase in [registration, vouchers, nginxSameTool].compactMap({ $0 }) {
            for (key, count) in phase.failures.sorted(by: { $0.value > $1.value }).prefix(5) { lines.append("  \(phase.name) failure \(key): \(count)") }
            if phase.name != "vouchers" {
                for (key, count) in phase.wrong.sorted(by: { $0.value > $1.value }).prefix(5) { lines.append("  \(phase.name) wrong \(key): \(count)") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
