import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A helper process the benchmark started (`qorgan mocks serve`, `qorgan serve`, nginx), with its standard output
/// and error going to files so that nothing blocks on a full pipe.
///
/// Every child is also listed in ``ChildProcessList/shared``, so an interrupted benchmark (SIGINT, SIGTERM) still
/// stops it; ``stop(grace:)`` stops it in the ordinary way (SIGTERM, then SIGKILL after `grace`).
struct ChildProcess: Sendable {
    /// Process id.
    let pid: Int32
    /// A short name for messages.
    let name: String
    /// Where standard output goes.
    let standardOutput: URL
    /// Where standard error goes.
    let standardError: URL

    /// Starts `executable` with `arguments`; `environment` is added to this process's environment.
    ///
    /// - Throws: `BenchmarkFailure` when it cannot be started.
    static func start(
        name: String, executable: String, arguments: [String], environment: [String: String] = [:], outputDirectory: URL
    ) throws(BenchmarkFailure) -> ChildProcess {
        let standardOutput = outputDirectory.appendingPathComponent("\(name).out")
        let standardError = outputDirectory.appendingPathComponent("\(name).err")
        FileManager.default.createFile(atPath: standardOutput.path, contents: nil)
        FileManager.default.createFile(atPath: standardError.path, contents: nil)
        var environmentLines = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }.map { "\($0.key)=\($0.value)" }
        environmentLines.sort()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput.path, O_WRONLY | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, standardError.path, O_WRONLY | O_TRUNC, 0o644)
        // The benchmark ignores SIGINT/SIGTERM (it handles them on a dispatch queue); the child gets the defaults back.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = withCStrings([executable] + arguments) { argv in
            withCStrings(environmentLines) { envp in posix_spawn(&pid, executable, &actions, &attributes, argv, envp) }
        }
        guard status == 0 else { throw BenchmarkFailure("cannot start \(name) (\(executable)): \(String(cString: strerror(status)))") }
        let child = ChildProcess(pid: pid, name: name, standardOutput: standardOutput, standardError: standardError)
        ChildProcessList.shared.add(child.pid)
        return child
    }

    /// Whether the process still runs (it is ours and not yet reaped).
    var isRunning: Bool {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        return result == 0
    }

    /// Waits until standard output contains `marker` (checked every 50 ms), at most `timeout`.
    ///
    /// - Returns: standard output so far.
    /// - Throws: `BenchmarkFailure` when the process exits first or the time runs out (with the end of its stderr).
    func waitForOutput(containing marker: String, timeout: Duration) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            let text = (try? String(contentsOf: standardOutput, encoding: .utf8)) ?? ""
            if text.contains(marker) { return text }
            guard isRunning else { throw BenchmarkFailure("\(name) exited before it was ready: \(errorTail())") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchmarkFailure("\(name) was not ready within \(timeout): \(errorTail())")
    }

    /// The last lines of standard error.
    func errorTail(lines: Int = 8) -> String {
        let text = (try? String(contentsOf: standardError, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// User + system CPU seconds the process has used so far (from `/proc/<pid>/stat`; 0 when unreadable).
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name: state is field 3, utime 14, stime 15 (1-based over the whole line).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// SIGTERM, then SIGKILL if it is still running after `grace`; reaps it.
    func stop(grace: Duration = .seconds(5)) async {
        defer { ChildProcessList.shared.remove(pid) }
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while clock.now < deadline {
            if !isRunning { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }
}

/// Calls `body` with a NULL-terminated C array of copies of `strings` (freed afterwards).
private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}

/// The children still running, so that a signal to the benchmark stops them too.
final class ChildProcessList: Sendable {
    /// The benchmark's one list.
    static let shared = ChildProcessList()

    private let pids = Mutex<Set<Int32>>([])

    /// Adds a child.
    func add(_ pid: Int32) { pids.withLock { _ = $0.insert(pid) } }

    /// Removes a stopped child.
    func remove(_ pid: Int32) { pids.withLock { _ = $0.remove(pid) } }

    /// Sends SIGKILL to every listed child (from a signal handler's queue, not a signal context).
    func killAll() {
        for pid in pids.withLock({ $0 }) { kill(pid, SIGKILL) }
    }
}

/// Why the service benchmark stopped: a plain message for the terminal.
struct BenchmarkFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    /// A failure with this message.
    init(_ description: String) {
        self.description = description
    }
}
