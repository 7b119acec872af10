#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Shows a cleansing job's progress on standard error: a bar redrawn in place on a terminal, plain periodic lines
/// otherwise. Also records the throughput series for the report.
///
/// Safe to call from concurrent tasks. Output carries counts only, never row content. The clock and the sink are
/// injectable for tests.
///
/// ```swift
/// let progress = CleansingProgressReporter(total: 700_000, alreadyDone: resumedRows)
/// progress.advance(by: chunk.count)
/// progress.finish()
/// summary.throughput = progress.throughput
/// ```
public final class CleansingProgressReporter: Sendable {
    /// Monotonic time since an arbitrary origin.
    public typealias Clock = @Sendable () -> Duration
    /// Receives the text to write (including `\r` and `\n`).
    public typealias Sink = @Sendable (String) -> Void

    private struct State {
        var total: Int?
        var done: Int
        var doneThisRun = 0
        var lastOutput: Duration?
        var finished = false
        var throughput: ThroughputSeries
    }

    /// The configuration in use.
    public let configuration: ProgressConfiguration
    /// Whether the bar is drawn (resolved from `.automatic` at creation).
    public let drawsBar: Bool
    private let clock: Clock
    private let sink: Sink
    private let start: Duration
    private let state: Mutex<State>

    /// Creates a reporter; this run's clock starts now.
    ///
    /// - Parameters:
    ///   - total: rows in all, when known (shows % and ETA).
    ///   - alreadyDone: rows done by an earlier run of a resumed job (counted in `done`, not in the rate).
    ///   - configuration: style and intervals.
    ///   - isTerminal: whether the output is a terminal; `nil` asks `isatty(2)`.
    ///   - clock: monotonic time; default `ContinuousClock`.
    ///   - sink: where text goes; default standard error.
    public init(
        total: Int?, alreadyDone: Int = 0, configuration: ProgressConfiguration = .default, isTerminal: Bool? = nil,
        clock: Clock? = nil, sink: Sink? = nil, throughputConfiguration: ThroughputSeries.Configuration = .default
    ) {
        self.configuration = configuration
        let terminal = isTerminal ?? (isatty(STDERR_FILENO) != 0)
        switch configuration.style {
        case .automatic: drawsBar = terminal
        case .bar: drawsBar = true
        case .lines, .silent: drawsBar = false
        }
        let clock = clock ?? Self.continuousClock()
        self.clock = clock
        self.sink = sink ?? Self.standardError
        start = clock()
        state = Mutex(State(total: total, done: alreadyDone, throughput: ThroughputSeries(configuration: throughputConfiguration)))
    }

    /// Sets or changes the total (e.g. once a counting pass has finished).
    public func setTotal(_ total: Int?) {
        state.withLock { $0.total = total }
    }

    /// Counts `rows` more rows done and redraws when due.
    public func advance(by rows: Int = 1) {
        let now = clock() - start
        state.withLock { state in
            guard !state.finished else { return }
            state.done += rows
            state.doneThisRun += rows
            state.throughput.record(rows: rows, at: now)
            emitIfDue(&state, now: now)
        }
    }

    /// Where the job stands now.
    public var snapshot: ProgressSnapshot {
        let now = clock() - start
        return state.withLock { Self.snapshot($0, now: now) }
    }

    /// Rows per interval of this run, for the report.
    public var throughput: ThroughputSeries {
        state.withLock { $0.throughput }
    }

    /// Draws the final state and ends the line (bar) or prints the closing line; later calls do nothing.
    public func finish() {
        let now = clock() - start
        state.withLock { state in
            guard !state.finished else { return }
            state.finished = true
            state.throughput.extend(to: now)
            let snapshot = Self.snapshot(state, now: now)
            switch configuration.style {
            case .silent: return
            case _ where drawsBar: sink("\r" + ProgressFormatter.bar(snapshot, width: configuration.barWidth) + "\u{1B}[K\n")
            default: sink(ProgressFormatter.finished(snapshot, label: configuration.label) + "\n")
            }
        }
    }

    private func emitIfDue(_ state: inout State, now: Duration) {
        guard configuration.style != .silent else { return }
        let interval = drawsBar ? configuration.barRedrawInterval : configuration.lineInterval
        let complete = state.total.map { state.done >= $0 } ?? false
        if let last = state.lastOutput, now - last < interval, !(drawsBar && complete) { return }
        if state.lastOutput == nil, !drawsBar, now < interval { return }
        state.lastOutput = now
        let snapshot = Self.snapshot(state, now: now)
        if drawsBar {
            sink("\r" + ProgressFormatter.bar(snapshot, width: configuration.barWidth) + "\u{1B}[K")
        } else {
            sink(ProgressFormatter.line(snapshot, label: configuration.label) + "\n")
        }
    }

    private static func snapshot(_ state: State, now: Duration) -> ProgressSnapshot {
        ProgressSnapshot(done: state.done, total: state.total, doneThisRun: state.doneThisRun, elapsed: now)
    }

    private static func continuousClock() -> Clock {
        let origin = ContinuousClock.now
        return { ContinuousClock.now - origin }
    }

    private static let standardError: Sink = { text in
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in write(STDERR_FILENO, raw.baseAddress! + offset, raw.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }
}
