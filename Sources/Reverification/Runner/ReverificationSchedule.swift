public import Foundation
public import Identifiers
public import Logging
public import Storage

/// The service's scheduled re-verification: on start it finishes a run a stopped server left unfinished, then
/// re-verifies every active voucher once per `interval` until cancelled (run it beside the application; cancelling
/// stops a run at a checkpoint, the next start resumes it). Failures are logged, never fatal to the service.
public struct ReverificationSchedule: Sendable {
    /// Time between runs (the first full run starts one interval after start).
    public let interval: Duration
    /// Where each run's CSV files, report and summary go (overwritten by the next run); `nil` writes none.
    public let outputDirectory: URL?
    private let runner: ReverificationRunner
    private let store: any ReverificationStore
    private let logger: Logger
    private let today: @Sendable () -> CalendarDate

    /// Creates a schedule.
    ///
    /// - Parameters:
    ///   - today: the day vouchers must be active on (default: today in UTC).
    public init(
        interval: Duration, runner: ReverificationRunner, store: any ReverificationStore, outputDirectory: URL? = nil,
        logger: Logger = Logger(label: "qorgan.reverify.schedule"), today: @escaping @Sendable () -> CalendarDate = ReverificationSchedule.utcToday
    ) {
        self.interval = interval
        self.runner = runner
        self.store = store
        self.outputDirectory = outputDirectory
        self.logger = logger
        self.today = today
    }

    /// Runs until the task is cancelled.
    public func run() async {
        if let newest = try? await store.reverificationRuns(limit: 1).first, newest.status == .running {
            _ = await runOnce(resume: true)
        }
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            _ = await runOnce(resume: false)
        }
    }

    /// One run now (or the continuation of the unfinished one); `nil` when it failed (logged).
    public func runOnce(resume: Bool) async -> ReverificationRunOutcome? {
        var request = ReverificationRequest(activeOn: today(), resume: resume)
        if let directory = outputDirectory {
            do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
                logger.error("qorgan.reverify.schedule.output_unavailable")
            }
            request.resultsPath = directory.appendingPathComponent("results.csv").path
            request.contradictionsPath = directory.appendingPathComponent("contradictions.csv").path
            request.anomaliesPath = directory.appendingPathComponent("anomalies.csv").path
            request.reportPath = directory.appendingPathComponent("report.html").path
            request.summaryPath = directory.appendingPathComponent("summary.json").path
        }
        do {
            let outcome = try await runner.run(request)
            logger.info(
                "qorgan.reverify.schedule.run_finished",
                metadata: ["run_id": "\(outcome.runID)", "vouchers": "\(outcome.summary.vouchers)", "flagged": "\(outcome.summary.flagged)"])
            return outcome
        } catch {
            logger.error("qorgan.reverify.schedule.run_failed", metadata: ["code": "\(error.code.rawValue)", "reason": "\(error.message)"])
            return nil
        }
    }

    /// Today in UTC.
    @Sendable public static func utcToday() -> CalendarDate {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        return CalendarDate(year: components.year ?? 1970, month: components.month ?? 1, day: components.day ?? 1) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }
}
