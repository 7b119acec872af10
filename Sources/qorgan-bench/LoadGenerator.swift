import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// A closed-loop HTTP load generator: `connections` workers, each sending its next request as soon as the previous
/// answer is read, over kept-alive connections; every request's latency and checked outcome is recorded.
///
/// The workload is a list of prepared requests taken in order (wrapping around in a timed run); a worker's API key
/// is `keys[worker % keys.count]`, so many keys spread the gateway's per-key rate limit as many clients would.
struct LoadGenerator: Sendable {
    /// One prepared request.
    struct Request: Sendable {
        /// Path and query, e.g. `/v1/registrations/verify`.
        var path: String
        /// The body sent (POST when present, GET otherwise).
        var body: ByteBuffer?
    }

    /// How a run ends.
    enum Bound: Sendable {
        /// Each request of the workload once (the run stops early at `limit`).
        case count(limit: Duration)
        /// Cycle through the workload until `duration` has passed.
        case duration(Duration)
    }

    /// What the caller's check made of an answer.
    enum Check: Sendable, Hashable {
        /// The expected answer.
        case correct
        /// An answer, but not the expected one; the label groups such answers in the report.
        case wrong(String)
    }

    /// The result of a run.
    struct Result: Sendable {
        /// Requests answered (any status) plus failed ones.
        var completed: Int
        /// Answers the check accepted.
        var correct: Int
        /// Answers the check refused, by label.
        var wrong: [String: Int]
        /// Transport failures (connection refused, timeout …), by description.
        var failures: [String: Int]
        /// Wall time of the measured part.
        var elapsed: Duration
        /// Latencies of the answered requests.
        var latency: LatencySummary
        /// Completed requests per second over `elapsed`.
        var rate: Double { completed == 0 ? 0 : Double(completed) / seconds(elapsed) }
    }

    /// The HTTP client (its pool must allow `connections` connections per host).
    let client: HTTPClient
    /// `http://127.0.0.1:PORT`.
    let baseURL: String
    /// Header name and values to spread over workers (e.g. `Authorization`, `Bearer …`); empty sends none.
    let keys: [String]
    /// Concurrent requests (= connections).
    let connections: Int
    /// Extra headers on every request.
    var headers: [(String, String)] = [("Content-Type", "application/json")]
    /// Per-request timeout. Default 10 s.
    var requestTimeout: TimeAmount = .seconds(10)

    /// Runs `workload` with `bound`, checking every answer with `check(index, status, body)`.
    func run(
        _ workload: [Request], bound: Bound, check: @escaping @Sendable (Int, UInt, ByteBuffer) -> Check
    ) async -> Result {
        precondition(!workload.isEmpty && connections > 0)
        let tickets = TicketCounter()
        let clock = ContinuousClock()
        let start = clock.now
        let stopAt: ContinuousClock.Instant
        let cycles: Bool
        switch bound {
        case .count(let limit):
            stopAt = start + limit
            cycles = false
        case .duration(let duration):
            stopAt = start + duration
            cycles = true
        }
        let partials = await withTaskGroup(of: WorkerTally.self, returning: [WorkerTally].self) { group in
            for worker in 0..<connections {
                group.addTask {
                    var tally = WorkerTally()
                    let key = keys.isEmpty ? nil : keys[worker % keys.count]
                    while clock.now < stopAt, !Task.isCancelled {
                        let ticket = tickets.take()
                        guard cycles || ticket < workload.count else { break }
                        let index = ticket % workload.count
                        await send(workload[index], index: index, key: key, check: check, clock: clock, into: &tally)
                    }
                    return tally
                }
            }
            var all: [WorkerTally] = []
            for await tally in group { all.append(tally) }
            return all
        }
        let elapsed = clock.now - start
        var result = Result(completed: 0, correct: 0, wrong: [:], failures: [:], elapsed: elapsed, latency: LatencySummary(nanoseconds: []))
        var latencies: [UInt64] = []
        for tally in partials {
            result.completed += tally.completed
            result.correct += tally.correct
            result.wrong.merge(tally.wrong, uniquingKeysWith: +)
            result.failures.merge(tally.failures, uniquingKeysWith: +)
            latencies += tally.latencies
        }
        result.latency = LatencySummary(nanoseconds: latencies)
        return result
    }

    private func send(
        _ prepared: Request, index: Int, key: String?, check: @Sendable (Int, UInt, ByteBuffer) -> Check, clock: ContinuousClock,
        into tally: inout WorkerTally
    ) async {
        var request = HTTPClientRequest(url: baseURL + prepared.path)
        if let body = prepared.body {
            request.method = .POST
            request.body = .bytes(body)
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let key { request.headers.add(name: "Authorization", value: "Bearer " + key) }
        let started = clock.now
        do {
            let response = try await client.execute(request, timeout: requestTimeout)
            let body = try await response.body.collect(upTo: 4 << 20)
            let elapsed = (clock.now - started).components
            tally.latencies.append(UInt64(elapsed.seconds) * 1_000_000_000 + UInt64(elapsed.attoseconds / 1_000_000_000))
            switch check(index, response.status.code, body) {
            case .correct: tally.correct += 1
            case .wrong(let label): tally.wrong[label, default: 0] += 1
            }
        } catch {
            tally.failures[String(describing: error), default: 0] += 1
        }
        tally.completed += 1
    }
}

/// One worker's counts, merged after the run (no shared state while measuring).
private struct WorkerTally: Sendable {
    var completed = 0
    var correct = 0
    var wrong: [String: Int] = [:]
    var failures: [String: Int] = [:]
    var latencies: [UInt64] = []

    init() {
        latencies.reserveCapacity(1 << 16)
    }
}

/// Hands out request numbers 0, 1, 2 … to the workers.
private final class TicketCounter: Sendable {
    private let next = Atomic<Int>(0)

    /// The next number.
    func take() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }
}
