import Population
import Foundation
import Identifiers

/// Runs `body` `rounds` times and returns the fastest duration.
func bestOf(_ rounds: Int, _ body: () -> Void) -> Duration {
    let clock = ContinuousClock()
    var best = Duration.seconds(Int64.max)
    for _ in 0..<max(1, rounds) {
        let elapsed = clock.measure(body)
        if elapsed < best { best = elapsed }
    }
    return best
}

/// Seconds in a duration, as a floating-point number.
func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

/// A rate with thousands separators, e.g. `71,234,567`.
func format(_ rate: Double) -> String {
    let digits = String(Int(rate.rounded()))
    var out = ""
    for (index, character) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(character)
    }
    return out
}

extension String {
    /// Two decimals, without Foundation.
    init(format2 value: Double) {
        let scaled = Int((value * 100).rounded())
        let fraction = abs(scaled % 100)
        self = "\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Contiguous 12-byte ASCII IIN records: plausible valid IINs, a share corrupted by one digit.
enum SyntheticIINRecords {
    static func make(count: Int, corruptedShare: Double, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var buffer = [UInt8]()
        buffer.reserveCapacity(12 * count)
        var digits = [UInt8](repeating: 0, count: 12)
        var produced = 0
        while produced < count {
            let year = Int.random(in: 1940...2024, using: &rng)
            let month = Int.random(in: 1...12, using: &rng)
            let day = Int.random(in: 1...CalendarDate.daysIn(month: month, year: year), using: &rng)
            let male = Bool.random(using: &rng)
            let centuryDigit = (year >= 2000 ? 5 : 3) + (male ? 0 : 1)
            let serial = Int.random(in: 0...9999, using: &rng)
            let prefix = [year % 100 / 10, year % 10, month / 10, month % 10, day / 10, day % 10, centuryDigit,
                          serial / 1000, serial / 100 % 10, serial / 10 % 10, serial % 10]
            for (index, value) in prefix.enumerated() { digits[index] = UInt8(value) }
            guard let check = IIN.checkDigit(forPrefix: digits.prefix(11)) else { continue }
            digits[11] = check
            if Double.random(in: 0..<1, using: &rng) < corruptedShare {
                let position = Int.random(in: 0..<12, using: &rng)
                digits[position] = (digits[position] + UInt8.random(in: 1...9, using: &rng)) % 10
            }
            for digit in digits { buffer.append(48 + digit) }
            produced += 1
        }
        return buffer
    }
}

/// What a finished helper command (Python reference, `wrk`, …) printed and how it exited.
struct CommandOutput {
    /// Exit status; -1 when the command could not be started.
    let status: Int32
    /// Standard output (and standard error, when asked), or why the command could not start.
    let text: String
}

/// Runs a command found on PATH to completion, capturing its output. The benchmarks' one way to run the
/// reference implementations they compare against.
func runCommand(_ arguments: [String], includingStandardError: Bool = true) -> CommandOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = includingStandardError ? output : FileHandle.nullDevice
    do {
        try process.run()
    } catch {
        return CommandOutput(status: -1, text: "cannot start \(arguments.first ?? "?"): \(error)")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandOutput(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
}
