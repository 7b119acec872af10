import Matching
import Testing

/// The byte comparison's bit-parallel path (both sides 1…64 bytes in 0x40…0x7F) against a textbook scan: the
/// same greedy matching, so the results must be identical, not just close.
struct JaroWinklerBytesTests {
    /// Jaro–Winkler as Winkler describes it: each byte of `a`, in order, takes the first unmatched equal byte of
    /// `b` within the window; half the out-of-order matches are transpositions; prefix boost above 0.7.
    static func textbook(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let la = a.count
        let lb = b.count
        if la == 0 || lb == 0 { return la == lb ? 1 : 0 }
        let window = max(0, max(la, lb) / 2 - 1)
        var matchedA = [Bool](repeating: false, count: la)
        var matchedB = [Bool](repeating: false, count: lb)
        var matches = 0
        for i in 0..<la {
            let lo = max(0, i - window)
            let hi = min(lb - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !matchedB[j] && b[j] == a[i] {
                matchedA[i] = true
                matchedB[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        let orderA = (0..<la).filter { matchedA[$0] }.map { a[$0] }
        let orderB = (0..<lb).filter { matchedB[$0] }.map { b[$0] }
        let transpositions = zip(orderA, orderB).filter { $0 != $1 }.count / 2
        let m = Double(matches)
        let jaro = (m / Double(la) + m / Double(lb) + (m - Double(transpositions)) / m) / 3
        guard jaro > 0.7 else { return jaro }
        var prefix = 0
        while prefix < min(4, la, lb) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    @Test("bytes up to 70 long give exactly the textbook result, on a seeded random corpus")
    func bitParallelEqualsTextbook() {
        var rng = SeededGenerator(seed: 0x1A20_5EED)
        let alphabets: [[UInt8]] = [
            Array("AB".utf8), Array("AEIKLMNORSTU".utf8), Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8),
            Array("Aa1-@".utf8) + [0x7F, 0x80, 0xD0, 0xFF],  // outside 0x40…0x7F: the scan path
        ]
        for _ in 0..<20_000 {
            let alphabet = alphabets.randomElement(using: &rng)!
            let a = (0..<Int.random(in: 0...70, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let b = Bool.random(using: &rng)
                ? a.map { Int.random(in: 0..<5, using: &rng) == 0 ? alphabet.randomElement(using: &rng)! : $0 }.shuffledPrefix(using: &rng)
                : (0..<Int.random(in: 0...70, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            #expect(JaroWinkler.similarity(a, b) == Self.textbook(a, b), "\(a) / \(b)")
        }
    }

    @Test("a sequence compared with itself gives exactly the textbook result (1)")
    func equalSequences() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 1...80, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(JaroWinkler.similarity(a, a) == Self.textbook(a, a))
            #expect(JaroWinkler.similarity(a, a) == 1)
        }
    }

    @Test("ASCII bytes give exactly the String (scalar) result")
    func bytesEqualScalars() {
        var rng = SeededGenerator(seed: 42)
        let alphabet = Array("AEIKLMNORSTU".utf8)
        for _ in 0..<5_000 {
            let a = (0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let b = (0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            #expect(JaroWinkler.similarity(a, b) == JaroWinkler.similarity(String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self)))
        }
    }
}

extension Array where Element == UInt8 {
    /// Drops a random tail and swaps one random neighbouring pair, to make near-misses.
    fileprivate func shuffledPrefix(using rng: inout some RandomNumberGenerator) -> [UInt8] {
        var result = Array(prefix(Int.random(in: 0...count, using: &rng)))
        if result.count > 1 {
            let i = Int.random(in: 0..<(result.count - 1), using: &rng)
            result.swapAt(i, i + 1)
        }
        return result
    }
}
