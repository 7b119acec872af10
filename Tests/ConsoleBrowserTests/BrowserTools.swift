import Foundation

/// Finds chromium, chromedriver and python3 with selenium, and runs a command with a deadline.
enum BrowserTools {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `QORGAN_REQUIRE_CHROMIUM=1`: the browser suite must run (and fail when the tools are missing).
    static let required = ProcessInfo.processInfo.environment["QORGAN_REQUIRE_CHROMIUM"] == "1"

    static let chromium: String? = executable(["chromium", "chromium-browser", "google-chrome"])
    static let chromedriver: String? = executable(["chromedriver"])
    static let selenium: Bool = (try? run(["python3", "-c", "import selenium"], timeout: .seconds(60)).status) == 0

    static var available: Bool { chromium != nil && chromedriver != nil && selenium }

    /// What is missing, for the failure message.
    static var missing: String {
        [chromium == nil ? "chromium" : nil, chromedriver == nil ? "chromedriver (chromium-driver)" : nil, selenium ? nil : "python3 selenium"]
            .compactMap { $0 }.joined(separator: ", ")
    }

    /// The first of `names` on PATH (or in /usr/bin, /usr/lib/chromium).
    static func executable(_ names: [String]) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/lib/chromium"]
        for name in names {
            for directory in path where FileManager.default.isExecutableFile(atPath: directory + "/" + name) { return directory + "/" + name }
        }
        return nil
    }

    struct Outcome {
        let status: Int32
        let output: String
        let error: String
    }

    /// Runs a command (through `/usr/bin/env`) with a deadline; kills it when the deadline passes. Output goes through
    /// temporary files, so a chatty child never blocks on a full pipe.
    static func run(_ arguments: [String], timeout: Duration) throws -> Outcome {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-browser-\(UUID().uuidString)")
        let outputURL = base.appendingPathExtension("out")
        let errorURL = base.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? output.close()
        try? error.close()
        return Outcome(
            status: process.terminationStatus, output: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "",
            error: (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "")
    }
}
