import Identifiers
import Matching

/// A small deterministic PRNG (SplitMix64) so synthetic data is the same in every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// An index drawn from a discrete distribution.
    mutating func pick(_ probabilities: [Double]) -> Int {
        var x = Double.random(in: 0..<1, using: &self)
        for (index, p) in probabilities.enumerated() {
            if x < p { return index }
            x -= p
        }
        return probabilities.count - 1
    }
}

func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)!
}
