import Cleansing
import Synchronization
import Testing

/// A clock and a sink the test moves and reads.
final class ProgressHarness: Sendable {
    let now = Mutex<Duration>(.zero)
    let output = Mutex<[String]>([])

    var clock: CleansingProgressReporter.Clock { { self.now.withLock { $0 } } }
    var sink: CleansingProgressReporter.Sink { { text in self.output.withLock { $0.append(text) } } }
    func advance(_ duration: Duration) { now.withLock { $0 += duration } }
    var text: String { output.withLock { $0.joined() } }
    var writes: [String] { output.withLock { $0 } }
}

@Suite struct CleansingProgressReporterTests {
    @Test("on a terminal: one line redrawn with \\r showing done/total, %, rows/s and ETA; finish ends the line")
    func terminalBar() {
        let harness = ProgressHarness()
        let reporter = CleansingProgressReporter(
            total: 1_000, configuration: ProgressConfiguration(barWidth: 10), isTerminal: true, clock: harness.clock, sink: harness.sink)
        #expect(reporter.drawsBar)
        harness.advance(.seconds(1))
        reporter.advance(by: 100)
        harness.advance(.milliseconds(100))
        reporter.advance(by: 10)  // within the redraw interval: not drawn
        harness.advance(.milliseconds(900))
        reporter.advance(by: 90)
        reporter.finish()
        let writes = harness.writes
        #expect(writes.count == 3)
        #expect(writes.allSatisfy { $0.hasPrefix("\r") })
        #expect(!writes.dropLast().contains { $0.contains("\n") })
        #expect(writes[0] == "\r[█░░░░░░░░░] 100/1,000   10.0%  100 rows/s  ETA 9s\u{1B}[K")
        #expect(writes[1] == "\r[██░░░░░░░░] 200/1,000   20.0%  100 rows/s  ETA 8s\u{1B}[K")
        #expect(writes[2].hasSuffix("\u{1B}[K\n"))
        reporter.finish()
        #expect(harness.writes.count == 3)
    }

    @Test("not a terminal: plain lines every interval, a closing line, no \\r")
    func plainLines() {
        let harness = ProgressHarness()
        let reporter = CleansingProgressReporter(
            total: 10_000, configuration: ProgressConfiguration(lineInterval: .seconds(5)), isTerminal: false, clock: harness.clock,
            sink: harness.sink)
        #expect(!reporter.drawsBar)
        for _ in 0..<12 {
            harness.advance(.seconds(1))
            reporter.advance(by: 500)
        }
        reporter.finish()
        let lines = harness.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!harness.text.contains("\r"))
        #expect(lines == [
            "cleanse: 2,500/10,000 rows (25.0%), 500 rows/s, ETA 15s, elapsed 5s",
            "cleanse: 5,000/10,000 rows (50.0%), 500 rows/s, ETA 10s, elapsed 10s",
            "cleanse: done, 6,000 rows in 12s (500 rows/s)",
            "",
        ])
    }

    @Test("a resumed run counts earlier rows in done but not in the rate; an unknown total shows rows and rate only")
    func resumedAndUnknownTotal() {
        let harness = ProgressHarness()
        let reporter = CleansingProgressReporter(
            total: 1_000, alreadyDone: 600, configuration: ProgressConfiguration(style: .bar), isTerminal: false, clock: harness.clock,
            sink: harness.sink)
        harness.advance(.seconds(2))
        reporter.advance(by: 100)
        let snapshot = reporter.snapshot
        #expect(snapshot.done == 700)
        #expect(snapshot.rowsPerSecond == 50)
        #expect(snapshot.estimatedRemaining == .seconds(6))
        #expect(harness.text.contains("700/1,000"))

        let open = ProgressSnapshot(done: 1_234, total: nil, doneThisRun: 1_234, elapsed: .seconds(2))
        #expect(ProgressFormatter.bar(open, width: 10) == "1,234 rows  617 rows/s  2s")
        #expect(ProgressFormatter.line(open, label: "x") == "x: 1,234 rows, 617 rows/s, elapsed 2s")
    }

    @Test("silent style writes nothing but still counts")
    func silent() {
        let harness = ProgressHarness()
        let reporter = CleansingProgressReporter(
            total: 10, configuration: ProgressConfiguration(style: .silent), clock: harness.clock, sink: harness.sink)
        harness.advance(.seconds(30))
        reporter.advance(by: 10)
        reporter.finish()
        #expect(harness.writes.isEmpty)
        #expect(reporter.snapshot.done == 10)
    }

    @Test("the throughput series records rows per interval and stays bounded by merging")
    func throughput() {
        var series = ThroughputSeries(configuration: .init(initialInterval: .seconds(1), maximumBuckets: 4))
        series.record(rows: 5, at: .milliseconds(500))
        series.record(rows: 7, at: .milliseconds(1_500))
        series.record(rows: 1, at: .milliseconds(3_200))
        #expect(series.buckets == [5, 7, 0, 1])
        series.record(rows: 2, at: .seconds(4))
        #expect(series.intervalSeconds == 2)
        #expect(series.buckets == [12, 1, 2])
        series.record(rows: 3, at: .seconds(100))
        #expect(series.buckets.count <= 4)
        #expect(series.totalRows == 18)

        let harness = ProgressHarness()
        let reporter = CleansingProgressReporter(total: nil, configuration: ProgressConfiguration(style: .silent), clock: harness.clock, sink: harness.sink)
        for _ in 0..<3 {
            harness.advance(.seconds(1))
            reporter.advance(by: 10)
        }
        reporter.finish()
        #expect(reporter.throughput.totalRows == 30)
        #expect(reporter.throughput.buckets == [0, 10, 10, 10])
    }

    @Test("formatting helpers", arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-12_345, "-12,345")])
    func grouping(value: Int, text: String) {
        #expect(ProgressFormatter.grouped(value) == text)
    }

    @Test("durations read as s, m s, h m")
    func durations() {
        #expect(ProgressFormatter.duration(.seconds(41)) == "41s")
        #expect(ProgressFormatter.duration(.seconds(161)) == "2m41s")
        #expect(ProgressFormatter.duration(.seconds(3_725)) == "1h02m")
    }
}
