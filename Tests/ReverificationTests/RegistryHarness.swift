import Foundation
import Logging
import Population
import RegistryAdapters
import RegistryMocks

/// The mock registries of a population (optionally with later events applied) and the real adapters wired to them.
enum RegistryHarness {
    /// Runs `body` with the adapters; stops everything afterwards.
    static func withAdapters<T: Sendable>(
        _ population: Population, events: PopulationEvents? = nil, _ body: (RegistryAdapterSet) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-reverify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var mocksConfiguration = MockRegistriesConfiguration()
        mocksConfiguration.events = events
        let mocks = try await MockRegistries.start(population: population, configuration: mocksConfiguration)
        do {
            try mocks.writeClientMaterial(to: directory)
            var configuration = try RegistryConfiguration.load(from: directory.appendingPathComponent("connection.json"), environment: [:])
            configuration.transport = TransportSettings(totalTimeoutMilliseconds: 30_000, maximumAttempts: 2, breakerFailureThreshold: 10_000)
            let adapters = try RegistryAdapterFactory.make(configuration, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            do {
                let result = try await body(adapters)
                await adapters.shutdown()
                await mocks.shutdown()
                return result
            } catch {
                await adapters.shutdown()
                throw error
            }
        } catch {
            await mocks.shutdown()
            throw error
        }
    }
}
