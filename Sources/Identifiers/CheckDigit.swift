/// The check-digit algorithm IIN and BIN share (Government resolution № 406 of 22 May 2007).
///
/// First pass: weights 1…11 over the first eleven digits, mod 11. If that gives 10, a second pass with
/// weights 3 4 5 6 7 8 9 10 11 1 2. If the second pass gives 10 too, the prefix is never issued.
public enum CheckDigit {
    /// What the algorithm says about an eleven-digit prefix.
    public enum Outcome: Sendable, Hashable {
        /// The check digit (0…9) and whether the second weight pass produced it.
        case digit(UInt8, secondPass: Bool)
        /// Both passes give 10: no identifier is issued with this prefix.
        case notIssuable
    }

    /// Computes the check digit for the first eleven digits (each 0…9) of `digits`.
    ///
    /// - Parameter digits: at least eleven values in 0…9; only the first eleven are read.
    @inlinable
    public static func compute(_ digits: some Collection<UInt8>) -> Outcome {
        var first = 0
        var second = 0
        var index = 0
        for digit in digits {
            if index == 11 { break }
            let value = Int(digit)
            first &+= (index + 1) &* value
            // Second-pass weights: 3 4 5 6 7 8 9 10 11 1 2.
            second &+= ((index + 2) % 11 + 1) &* value
            index += 1
        }
        precondition(index == 11, "CheckDigit.compute needs eleven digits")
        return outcome(firstSum: first, secondSum: second)
    }

    /// Maps the two weighted sums to the outcome.
    @inlinable @usableFromInline
    static func outcome(firstSum: Int, secondSum: Int) -> Outcome {
        let firstPass = firstSum % 11
        if firstPass < 10 { return .digit(UInt8(firstPass), secondPass: false) }
        let secondPass = secondSum % 11
        if secondPass < 10 { return .digit(UInt8(secondPass), secondPass: true) }
        return .notIssuable
    }
}
