/// Damerau–Levenshtein distance in its **optimal string alignment** (restricted edit distance) variant:
/// insertions, deletions, substitutions and transpositions of two adjacent characters, each costing 1, with
/// no substring edited twice ("CA" → "ABC" is 3, not 2 as in the unrestricted distance).
///
/// That is the variant that counts one typing slip as one edit, which is what comparison levels need.
public enum DamerauLevenshtein {
    /// The optimal-string-alignment distance of two byte sequences.
    public static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        osa(a, b)
    }

    /// The optimal-string-alignment distance of two byte arrays.
    public static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in osa(a, b) } }
    }

    /// The optimal-string-alignment distance of two texts, by Unicode scalars and without normalisation.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.lazy.map(\.value))
        let b = Array(b.unicodeScalars.lazy.map(\.value))
        return a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in osa(a, b) } }
    }

    private static func osa<T: Equatable>(_ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>) -> Int {
        let la = a.count
        let lb = b.count
        if la == 0 { return lb }
        if lb == 0 { return la }
        // Three rolling rows: two back (for transpositions), previous, current.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (lb + 1)) { rows in
            var twoBack = 0
            var previous = lb + 1
            var current = 2 * (lb + 1)
            for j in 0...lb { rows[previous + j] = j }
            for i in 1...la {
                rows[current] = i
                for j in 1...lb {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var best = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        best = min(best, rows[twoBack + j - 2] + 1)
                    }
                    rows[current + j] = best
                }
                (twoBack, previous, current) = (previous, current, twoBack)
            }
            return rows[previous + lb]
        }
    }
}
