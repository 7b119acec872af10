import Foundation
import Logging
import Population
import RegistryAdapters
import RegistryMocks

/// The registries a command talks to: those a registry configuration file names, or — the embedded default — the
/// mock registries started in this process.
struct RegistrySelection: Sendable {
    /// The adapters to use.
    let adapters: RegistryAdapterSet
    /// The in-process mocks, when no file was given.
    let embedded: EmbeddedRegistries?
    /// One line for the operator: where the registries are.
    let summary: String

    /// Opens the registries of `file`, or starts the mocks over `population()` with their client material in
    /// `dataDirectory/mocks`.
    static func open(file: String?, population: () throws -> Population, dataDirectory: URL, logger: Logger) async throws -> RegistrySelection {
        if let file {
            let adapters = try RegistryAdapterFactory.make(RegistryConfiguration.load(from: URL(fileURLWithPath: file)), logger: logger)
            return RegistrySelection(adapters: adapters, embedded: nil, summary: "registries: from \(file)")
        }
        let served = try population()
        let started = try await EmbeddedRegistries.start(
            population: served, materialDirectory: dataDirectory.appendingPathComponent("mocks", isDirectory: true), logger: logger)
        let endpoints = started.mocks.endpoints.map { "\($0.name.rawValue) \($0.baseURL)" }.joined(separator: ", ")
        return RegistrySelection(
            adapters: started.adapters, embedded: started, summary: "registries: in-process mocks (\(served.people.count) people) — \(endpoints)")
    }

    /// Closes the adapters and stops the mocks, if any.
    func shutdown() async {
        if let embedded { await embedded.shutdown() } else { await adapters.shutdown() }
    }
}
