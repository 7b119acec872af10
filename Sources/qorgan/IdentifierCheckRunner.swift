import Identifiers

/// Feeds arguments and standard-input lines to a checker and prints each result as soon as it is known.
struct IdentifierCheckRunner {
    let options: CheckOptions
    let check: (String) -> IdentifierCheckResult

    /// Prints every result in input order; returns whether all inputs were valid.
    func run() -> Bool {
        var allValid = true
        var sawStandardInput = false
        for argument in options.inputs {
            if argument == "-" {
                guard !sawStandardInput else { continue }
                sawStandardInput = true
                var lineNumber = 0
                while let line = readLine(strippingNewline: true) {
                    lineNumber += 1
                    allValid = emit(check(line), line: lineNumber) && allValid
                }
            } else {
                allValid = emit(check(argument), line: nil) && allValid
            }
        }
        return allValid
    }

    private func emit(_ result: IdentifierCheckResult, line: Int?) -> Bool {
        print(options.json ? result.jsonLine(line: line) : result.humanLine(line: line, language: options.lang.language))
        return result.isValid
    }
}
