import ArgumentParser

/// The `qorgan` command line: identity checks, and (as issues land) the gateway service, mocks and batch jobs.
@main
struct Qorgan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qorgan",
        abstract: "Qorgan — identity-verification gateway between a voucher platform and state registries.",
        subcommands: [IINCommand.self, BINCommand.self, PopulationCommand.self, MocksCommand.self, EvalCommand.self, ModelCommand.self, AuditCommand.self, ServeCommand.self, CleanseCommand.self, ReverifyCommand.self, WorkerCommand.self]
    )
}
