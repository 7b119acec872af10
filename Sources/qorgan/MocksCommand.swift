import ArgumentParser
import Dispatch
import Foundation
import Logging
import Population
import RegistryMocks

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `qorgan mocks …` — the mock state registries, served from a synthetic population.
struct MocksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mocks",
        abstract: "Mock state registries (ГБД ФЛ, НОБД, ГБД ЮЛ, health, SMS) on loopback, with fault injection.",
        subcommands: [Serve.self]
    )

    /// `qorgan mocks serve [--seed N --people N | --population DIR] [--faults SPEC] [--port N] [--export DIR]`.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start every mock and print one line per mock: <name> <base-url>. Stop with Ctrl-C.",
            discussion: """
                Names: individuals, education, business (SyncChannel SOAP at the base URL, WSDL at ?wsdl), health, sms (JSON REST).
                Faults: --faults 'individuals:mode=soapFault,rate=0.1,latency=uniform:5-40;health:mode=expiredToken'
                (modes: \(FaultMode.allCases.map(\.rawValue).joined(separator: ", "))). At run time: POST/DELETE /_control/faults on a mock's port.
                Endpoints, payloads and fault modes: mocks/RegistryMocks/README.md.
                """
        )

        @Option(help: "Seed of the generated population.")
        var seed: UInt64 = 1

        @Option(help: "Number of people to generate.")
        var people: Int = 10_000

        @Option(help: "Serve a population written by 'qorgan population generate' instead of generating one.")
        var population: String?

        @Option(help: "Fault injection specification (see discussion).")
        var faults: String?

        @Option(help: "First port; the mocks take consecutive ports from it (default: ephemeral ports).")
        var port: Int?

        @Option(help: "Write the population and ground truth served, and the client's connection material, to this directory.")
        var export: String?

        @Option(name: .customLong("unsigned-sender"), help: "A sender id allowed to call the SOAP mocks without a WS-Security signature (repeatable).")
        var unsignedSenders: [String] = []

        @Option(name: .customLong("log-level"), help: "Log level on standard error (trace, debug, info, notice, warning, error, critical).")
        var logLevel: String = "notice"

        func validate() throws {
            guard people >= 0 else { throw ValidationError("--people must be ≥ 0") }
            if let port, !(1...65_530).contains(port) { throw ValidationError("--port must be 1…65530") }
            if let faults { _ = try FaultSpecification.parse(faults) }
            guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \(logLevel)") }
        }

        func run() async throws {
            NIOExecutorChoice.install(ProcessInfo.processInfo.environment, byDefault: true)
            let level = Logger.Level(rawValue: logLevel) ?? .notice
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let logger = Logger(label: "qorgan.mocks")

            let served: Population
            if let population {
                served = try Population.load(from: URL(fileURLWithPath: population, isDirectory: true))
            } else {
                served = try PopulationGenerator(configuration: PopulationConfiguration(seed: seed, people: people)).generate()
            }

            var configuration = MockRegistriesConfiguration(firstPort: port, unsignedSenderIds: Set(unsignedSenders), logger: logger)
            if let faults { configuration.faults = try FaultSpecification.parse(faults) }
            let mocks = try await MockRegistries.start(population: served, configuration: configuration)

            if let export {
                let directory = URL(fileURLWithPath: export, isDirectory: true)
                try served.write(to: directory.appendingPathComponent("population", isDirectory: true))
                try mocks.writeClientMaterial(to: directory.appendingPathComponent("client", isDirectory: true))
            }
            for endpoint in mocks.endpoints { print("\(endpoint.name) \(endpoint.baseURL)") }
            fflush(nil)

            let signals = Self.stopSignals { Task { await mocks.shutdown() } }
            defer { signals.forEach { $0.cancel() } }
            do {
                try await mocks.wait()
            } catch is CancellationError {
            }
            logger.notice("qorgan.mocks.stopped")
        }

        /// Turns SIGINT and SIGTERM into a graceful stop.
        static func stopSignals(_ stop: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
            [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler(handler: stop)
                source.resume()
                return source
            }
        }
    }
}
