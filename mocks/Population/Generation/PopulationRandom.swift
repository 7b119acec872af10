/// The generator's seeded PRNG: xoshiro256** seeded through SplitMix64, with independent streams.
///
/// Never `SystemRandomNumberGenerator`: the same seed must give the same population on every run and
/// machine. Bounded integers use a multiply-shift (bias below 2⁻³² for our ranges), so results do not
/// depend on the standard library's sampling algorithm.
struct PopulationRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A stream for one purpose (`stream`) and one unit of work (`index`, e.g. a chunk) under `seed`.
    init(seed: UInt64, stream: Stream, index: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ (stream.rawValue &* 0x9E37_79B9_7F4A_7C15) ^ (index &* 0xD1B5_4A32_D192_ED03))
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `0..<bound` (`bound` > 0).
    mutating func int(below bound: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bound).multipliedFullWidth(by: next())).high)
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `0..<1`.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// `true` with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// A uniform element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(below: items.count)] }

    /// An index drawn with the given relative weights (at least one positive).
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }

    /// A stateless draw in `0..<1` for (`stream`, `index`): lets independent builders agree on one decision.
    static func unit(seed: UInt64, stream: Stream, index: Int) -> Double {
        var random = PopulationRandom(seed: seed, stream: stream, index: UInt64(index))
        return random.unit()
    }

    /// Purposes of independent random streams; adding one never changes the others.
    enum Stream: UInt64, Sendable {
        case households = 1
        case identifiers = 2
        case organisations = 3
        case individuals = 4
        case education = 5
        case health = 6
        case business = 7
        case declarations = 8
        case healthMissing = 9
        case providers = 10
        case events = 11
    }
}
