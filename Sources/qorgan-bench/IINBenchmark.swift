import ArgumentParser
import CAllocationCounter
import CReferenceIIN
import Identifiers

/// IIN validation rate on one core and heap allocations per validation, against a plain C -O2 loop
/// over the same 12-byte records, measured in the same run.
struct IINBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iin",
        abstract: "IIN validations per second (one core) and allocations per validation, vs. a C -O2 reference."
    )

    @Option(help: "Distinct 12-byte records in the input buffer.")
    var records = 1_000_000

    @Option(help: "Passes over the buffer per timed round.")
    var passes = 10

    @Option(help: "Timed rounds (C and Swift interleaved); the best of each is reported.")
    var rounds = 11

    @Option(help: "Share of records corrupted by one digit substitution (0…1).")
    var corrupted = 0.1

    func run() throws {
        let buffer = SyntheticIINRecords.make(count: records, corruptedShare: corrupted, seed: 0x51_7A_2026)
        let validations = records * passes

        // C reference and Swift strict bytes API, interleaved round by round so that load from other
        // processes hits both alike; the best round of each is reported.
        var cValid = 0
        var swiftValid = 0
        var swiftAllocations: UInt64 = 0
        var cBest = Duration.seconds(Int64.max)
        var swiftBest = Duration.seconds(Int64.max)
        let clock = ContinuousClock()
        for _ in 0..<max(1, rounds) {
            let cElapsed = clock.measure {
                buffer.withUnsafeBufferPointer { bytes in
                    var total = 0
                    for _ in 0..<passes { total &+= qorgan_reference_count_valid_iins(bytes.baseAddress!, records) }
                    cValid = total
                }
            }
            cBest = min(cBest, cElapsed)
            let before = qorgan_allocation_count()
            let swiftElapsed = clock.measure {
                swiftValid = buffer.withUnsafeBufferPointer { countValid($0, records: records, passes: passes) }
            }
            swiftAllocations = qorgan_allocation_count() - before
            swiftBest = min(swiftBest, swiftElapsed)
        }
        guard swiftValid == cValid else {
            throw ValidationError("Swift and C disagree: \(swiftValid) vs \(cValid) valid — the benchmark is broken.")
        }

        // Swift, lenient text API (what the CLI and the service call), on pre-built small strings.
        let texts = (0..<min(records, 200_000)).map { index in
            String(decoding: buffer[(12 * index)..<(12 * index + 12)], as: UTF8.self)
        }
        var textValid = 0
        var textAllocations: UInt64 = 0
        let textBest = bestOf(rounds) {
            let before = qorgan_allocation_count()
            textValid = countValid(texts)
            textAllocations = qorgan_allocation_count() - before
        }
        blackHole(textValid)

        let cRate = Double(validations) / seconds(cBest)
        let swiftRate = Double(validations) / seconds(swiftBest)
        let textRate = Double(texts.count) / seconds(textBest)
        print("IIN validation, one core, \(records) records × \(passes) passes, best of \(rounds) interleaved rounds, \(Int(corrupted * 100)) % corrupted")
        print("  C -O2 reference loop:            \(format(cRate)) validations/s")
        print("  Swift IIN.validate(asciiDigits:): \(format(swiftRate)) validations/s  (\(String(format2: swiftRate / cRate))× C)")
        print("  Swift IIN(_ text:) lenient:      \(format(textRate)) validations/s")
        print("  heap allocations/validation:     bytes API \(String(format2: Double(swiftAllocations) / Double(validations))), text API \(String(format2: Double(textAllocations) / Double(texts.count)))")
        print("  valid records per pass: \(swiftValid / passes) of \(records)")
    }

    @inline(never)
    func countValid(_ bytes: UnsafeBufferPointer<UInt8>, records: Int, passes: Int) -> Int {
        var valid = 0
        for _ in 0..<passes {
            for record in 0..<records {
                let slice = UnsafeBufferPointer(rebasing: bytes[(12 * record)..<(12 * record + 12)])
                if case .success = IIN.validate(asciiDigits: slice) { valid &+= 1 }
            }
        }
        return valid
    }

    @inline(never)
    func countValid(_ texts: [String]) -> Int {
        var valid = 0
        for text in texts {
            do {
                _ = try IIN(text)
                valid &+= 1
            } catch {}
        }
        return valid
    }
}
