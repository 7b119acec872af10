import ArgumentParser
import Identifiers

/// `qorgan iin …` — individual identification numbers.
struct IINCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iin",
        abstract: "Work with IINs (ИИН) locally, without any registry.",
        subcommands: [IINCheckCommand.self]
    )
}

/// `qorgan bin …` — business identification numbers.
struct BINCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bin",
        abstract: "Work with BINs (БИН) locally, without any registry.",
        subcommands: [BINCheckCommand.self]
    )
}

/// Options both `check` commands share.
struct CheckOptions: ParsableArguments {
    @Argument(help: "Identifiers to check; '-' reads one per line from standard input.")
    var inputs: [String] = []

    @Flag(name: .long, help: "Print one JSON object per input line, in input order.")
    var json = false

    @Option(name: .long, help: "Language of human messages: en or ru.")
    var lang: LanguageOption = .en

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one identifier, or '-' to read them from standard input.") }
    }
}

/// The `--lang` values.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case en, ru

    var language: MessageLanguage { self == .ru ? .ru : .en }
}

/// `qorgan iin check IIN… | -`
struct IINCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate IINs: structure and check digit (hard), birth date and century digit (soft flags).",
        discussion: "Exit status: 0 when every input is a valid IIN, 1 when any is not, 64 on usage errors."
    )

    @OptionGroup var options: CheckOptions

    func run() throws {
        let allValid = IdentifierCheckRunner(options: options) { IdentifierCheckResult(iinInput: $0) }.run()
        if !allValid { throw ExitCode(1) }
    }
}

/// `qorgan bin check BIN… | -`
struct BINCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate BINs: structure, check digit, registration month, entity and division type.",
        discussion: "Exit status: 0 when every input is a valid BIN, 1 when any is not, 64 on usage errors."
    )

    @OptionGroup var options: CheckOptions

    @Option(name: .customLong("as-of"), help: "Reference date (yyyy-MM-dd) for 'registration in the future'; default today (UTC+5).")
    var asOf: String?

    func validate() throws {
        if let asOf, Self.parseDate(asOf) == nil { throw ValidationError("--as-of must be a date yyyy-MM-dd, got '\(asOf)'.") }
    }

    func run() throws {
        let reference = asOf.flatMap(Self.parseDate) ?? BIN.today()
        let allValid = IdentifierCheckRunner(options: options) { IdentifierCheckResult(binInput: $0, asOf: reference) }.run()
        if !allValid { throw ExitCode(1) }
    }

    static func parseDate(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}
