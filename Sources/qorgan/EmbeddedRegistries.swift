import Foundation
import Logging
import Population
import RegistryAdapters
import RegistryMocks

/// The embedded default: every mock registry in this process on loopback, and the adapters wired to them through
/// the same `RegistryConfiguration` file a deployment against real registries uses.
struct EmbeddedRegistries: Sendable {
    /// The running mocks.
    let mocks: RunningMocks
    /// The adapters.
    let adapters: RegistryAdapterSet
    /// The connection file the adapters were built from.
    let configurationFile: URL

    /// Starts the mocks, writes their client material into `directory` and builds the adapters from it.
    static func start(population: Population, materialDirectory directory: URL, logger: Logger, tuning: TransportSettings? = nil)
        async throws -> EmbeddedRegistries
    {
        var mocksConfiguration = MockRegistriesConfiguration()
        mocksConfiguration.logger = logger
        let mocks = try await MockRegistries.start(population: population, configuration: mocksConfiguration)
        do {
            try mocks.writeClientMaterial(to: directory)
            let file = directory.appendingPathComponent("connection.json")
            var configuration = try RegistryConfiguration.load(from: file, environment: [:])
            configuration.transport = tuning
            let adapters = try RegistryAdapterFactory.make(configuration, logger: logger)
            return EmbeddedRegistries(mocks: mocks, adapters: adapters, configurationFile: file)
        } catch {
            await mocks.shutdown()
            throw error
        }
    }

    /// Closes the adapters' client and stops the mocks.
    func shutdown() async {
        await adapters.shutdown()
        await mocks.shutdown()
    }
}
