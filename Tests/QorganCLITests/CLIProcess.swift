import Foundation
import Testing

/// Runs the built `qorgan` executable as a subprocess, as an operator or a script would.
struct CLIProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    /// The `qorgan` binary next to the test bundle (SwiftPM puts all products in one folder), or `QORGAN_BINARY`.
    static func executable() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["QORGAN_BINARY"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("qorgan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw CLIError.binaryNotFound(CommandLine.arguments[0])
    }

    enum CLIError: Error { case binaryNotFound(String) }

    /// Runs the binary and waits for it off the test's executor: the wait blocks a Dispatch thread, never one of the
    /// few cooperative threads other suites' deadlines depend on (on 2 cores a blocked pool starves them).
    static func run(_ arguments: [String], stdin: String? = nil) async throws -> Output {
        try await runTool(executable().path, arguments, stdin: stdin)
    }

    /// Runs another program (e.g. `/usr/bin/env curl …`) the same way.
    static func runTool(_ path: String, _ arguments: [String], stdin: String? = nil) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(URL(fileURLWithPath: path), arguments, stdin: stdin) })
            }
        }
    }

    private static func runBlocking(_ executable: URL, _ arguments: [String], stdin: String?) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
