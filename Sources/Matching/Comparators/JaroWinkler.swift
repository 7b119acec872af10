/// Jaro and Jaro–Winkler similarity (Winkler 1990), in 0…1, 1 for identical sequences.
///
/// Matching characters lie within `max(|a|, |b|) / 2 − 1` positions of each other; the Winkler boost
/// `ℓ · p · (1 − jaro)` (common prefix ℓ ≤ `maxPrefixLength`, scale `p`) applies only when the Jaro
/// similarity exceeds `boostThreshold`, as in Winkler's paper and rapidfuzz. Known values:
/// MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840, DIXON/DICKSONX 0.813.
///
/// The byte version (what `NameKey` comparisons use) allocates nothing for inputs up to 64 bytes.
public enum JaroWinkler {
    /// The Winkler boost parameters.
    public struct Parameters: Sendable, Hashable, Codable {
        /// Weight of each common-prefix character. Default: 0.1 (Winkler's value; must be ≤ 0.25).
        public var prefixScale: Double
        /// Longest common prefix counted. Default: 4.
        public var maxPrefixLength: Int
        /// The boost applies only above this Jaro similarity. Default: 0.7.
        public var boostThreshold: Double

        /// Creates parameters; every argument defaults as documented on its property.
        public init(prefixScale: Double = 0.1, maxPrefixLength: Int = 4, boostThreshold: Double = 0.7) {
            self.prefixScale = prefixScale
            self.maxPrefixLength = maxPrefixLength
            self.boostThreshold = boostThreshold
        }

        /// Winkler's values: 0.1, 4, 0.7.
        public static let standard = Parameters()
    }

    // MARK: - Public entry points

    /// Jaro–Winkler similarity of two byte sequences (e.g. `NameKey.bytes`).
    public static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, parameters: Parameters = .standard) -> Double {
        boost(jaro(a, b), a, b, parameters)
    }

    /// Jaro–Winkler similarity of two byte arrays.
    public static func similarity(_ a: [UInt8], _ b: [UInt8], parameters: Parameters = .standard) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in similarity(a, b, parameters: parameters) } }
    }

    /// Jaro–Winkler similarity of two texts, by Unicode scalars and without any normalisation.
    public static func similarity(_ a: String, _ b: String, parameters: Parameters = .standard) -> Double {
        let a = Array(a.unicodeScalars.lazy.map(\.value))
        let b = Array(b.unicodeScalars.lazy.map(\.value))
        return a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in boost(jaroGeneric(a, b), a, b, parameters) } }
    }

    /// Jaro similarity (no prefix boost) of two byte sequences.
    public static func jaro(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        // Equal keys (the usual case when two records name the same person) match all bytes in place: exactly 1.
        if a.count == b.count && a.count > 0 && a.elementsEqual(b) { return 1 }
        if a.count > 0 && b.count > 0 && a.count <= 64 && b.count <= 64, let similarity = jaroShortBytes(a, b) { return similarity }
        return jaroGeneric(a, b)
    }

    // MARK: - Implementation

    @inline(__always)
    private static func boost<T: Equatable>(_ jaro: Double, _ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>, _ parameters: Parameters) -> Double {
        guard jaro > parameters.boostThreshold else { return jaro }
        let limit = min(parameters.maxPrefixLength, a.count, b.count)
        var prefix = 0
        while prefix < limit && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * parameters.prefixScale * (1 - jaro)
    }

    @inline(__always)
    private static func jaroGeneric<T: Equatable>(_ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>) -> Double {
        let la = a.count
        let lb = b.count
        if la == 0 || lb == 0 { return la == lb ? 1 : 0 }
        if la <= 64 && lb <= 64 { return jaroShort(a, b) }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: la + lb) { flags in
            flags.initialize(repeating: false)
            let window = max(0, max(la, lb) / 2 - 1)
            var matches = 0
            for i in 0..<la {
                let lo = max(0, i - window)
                let hi = min(lb - 1, i + window)
                if lo > hi { continue }
                for j in lo...hi where !flags[la + j] && b[j] == a[i] {
                    flags[la + j] = true
                    flags[i] = true
                    matches += 1
                    break
                }
            }
            if matches == 0 { return 0 }
            var transpositions = 0
            var k = 0
            for i in 0..<la where flags[i] {
                while !flags[la + k] { k += 1 }
                if a[i] != b[k] { transpositions += 1 }
                k += 1
            }
            return combine(matches: matches, transpositions: transpositions / 2, la: la, lb: lb)
        }
    }

    /// Both sequences at most 64 long: matched positions kept in two 64-bit masks.
    @inline(__always)
    private static func jaroShort<T: Equatable>(_ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>) -> Double {
        let la = a.count
        let lb = b.count
        let window = max(0, max(la, lb) / 2 - 1)
        var flagsA: UInt64 = 0
        var flagsB: UInt64 = 0
        var matches = 0
        for i in 0..<la {
            let lo = max(0, i - window)
            let hi = min(lb - 1, i + window)
            if lo > hi { continue }
            let ai = a[i]
            var j = lo
            while j <= hi {
                if flagsB & (1 << UInt64(j)) == 0 && b[j] == ai {
                    flagsB |= 1 << UInt64(j)
                    flagsA |= 1 << UInt64(i)
                    matches += 1
                    break
                }
                j += 1
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var remainingA = flagsA
        var remainingB = flagsB
        while remainingA != 0 {
            let i = remainingA.trailingZeroBitCount
            let k = remainingB.trailingZeroBitCount
            if a[i] != b[k] { transpositions += 1 }
            remainingA &= remainingA - 1
            remainingB &= remainingB - 1
        }
        return combine(matches: matches, transpositions: transpositions / 2, la: la, lb: lb)
    }

    /// Bytes, both 1…64 long and all in 0x40…0x7F (upper-case ASCII letters: what name keys are made of): the
    /// same greedy matching as `jaroShort` (each byte of `a`, in order, takes the first unmatched equal byte
    /// of `b` inside its window), but the candidates come from a per-byte mask of `b`'s positions, so each byte
    /// of `a` costs a few bit operations instead of a scan of its window. `nil` for other bytes.
    @inline(__always)
    private static func jaroShortBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double? {
        let la = a.count
        let lb = b.count
        let window = max(0, max(la, lb) / 2 - 1)
        // 64 masks = 512 bytes: always on the stack.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { positions -> Double? in
            positions.initialize(repeating: 0)
            // Bytes outside 0x40…0x7F would share a slot: `outside` collects them and the scan takes over.
            var outside: UInt8 = 0
            for j in 0..<lb {
                let slot = b[j] &- 0x40
                outside |= slot
                positions[Int(slot & 63)] |= 1 << UInt64(j)
            }
            var flagsA: UInt64 = 0
            var flagsB: UInt64 = 0
            // Past `lb + window` a byte of `a` has no window in `b` left (and is never looked up).
            for i in 0..<min(la, lb + window) {
                let lo = max(0, i - window)
                let hi = min(lb - 1, i + window)
                let inWindow = (UInt64.max >> UInt64(63 - hi)) & (UInt64.max << UInt64(lo))
                let slot = a[i] &- 0x40
                outside |= slot
                let candidates = positions[Int(slot & 63)] & ~flagsB & inWindow
                // Branch-free: take the lowest candidate (none when there is none).
                flagsB |= candidates & (0 &- candidates)
                flagsA |= UInt64(candidates != 0 ? 1 : 0) << UInt64(i)
            }
            if outside >= 64 { return nil }
            let matches = flagsA.nonzeroBitCount
            if matches == 0 { return 0 }
            var transpositions = 0
            var remainingA = flagsA
            var remainingB = flagsB
            while remainingA != 0 {
                let i = remainingA.trailingZeroBitCount
                let k = remainingB.trailingZeroBitCount
                transpositions &+= a[i] != b[k] ? 1 : 0
                remainingA &= remainingA - 1
                remainingB &= remainingB - 1
            }
            return combine(matches: matches, transpositions: transpositions / 2, la: la, lb: lb)
        }
    }

    @inline(__always)
    private static func combine(matches: Int, transpositions: Int, la: Int, lb: Int) -> Double {
        let m = Double(matches)
        return (m / Double(la) + m / Double(lb) + (m - Double(transpositions)) / m) / 3
    }
}
