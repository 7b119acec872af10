import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A long-running subprocess of a test (the mock registries, a job to kill): started, optionally awaited until it
/// printed its first lines, then killed. Waits happen on Dispatch threads, never on the test's executor.
final class BackgroundProcess: Sendable {
    private let process: Process
    private let collected = Mutex<[String]>([])

    private init(process: Process) {
        self.process = process
    }

    /// The standard output lines read so far (only when started with `readyLines > 0`).
    var lines: [String] { collected.withLock { $0 } }

    /// Starts `executable` with `arguments`; with `readyLines > 0`, returns once it printed that many lines on
    /// standard output (or throws when it exits first). Standard error is discarded.
    static func start(_ executable: URL, _ arguments: [String], readyLines: Int) async throws -> BackgroundProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = readyLines > 0 ? pipe : FileHandle.nullDevice
        let background = BackgroundProcess(process: process)
        try process.run()
        guard readyLines > 0 else { return background }
        let ready: Bool = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var buffer = Data()
                var resumed = false
                let handle = pipe.fileHandleForReading
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }  // end of file: the process exited
                    buffer.append(chunk)
                    while let newline = buffer.firstIndex(of: 10) {
                        let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                        buffer.removeSubrange(buffer.startIndex...newline)
                        let count = background.collected.withLock { $0.append(line); return $0.count }
                        if count == readyLines, !resumed {
                            resumed = true
                            continuation.resume(returning: true)
                        }
                    }
                }
                if !resumed { continuation.resume(returning: false) }
            }
        }
        guard ready else {
            background.kill()
            throw BackgroundProcessError.exitedEarly(arguments.first ?? "", background.lines)
        }
        return background
    }

    /// Sends SIGKILL. Returns whether the process was still running.
    @discardableResult
    func kill() -> Bool {
        guard process.isRunning else { return false }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return true
    }

    enum BackgroundProcessError: Error { case exitedEarly(String, [String]) }
}
