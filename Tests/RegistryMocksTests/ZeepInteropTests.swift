import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
import XMLSupport
/// Python zeep — a SOAP client written by someone else — reads the individuals mock's WSDL and fetches a person.
///
/// Runs when `python3 -c "import zeep"` works. When CI is set or QORGAN_REQUIRE_ZEEP=1, it always runs and fails
/// if python3 or zeep is missing (install: `pip install zeep`).
struct ZeepInteropTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let required: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return (environment["CI"].map { !$0.isEmpty && $0 != "0" && $0 != "false" } ?? false) || environment["QORGAN_REQUIRE_ZEEP"] == "1"
    }()

    static let zeepInstalled: Bool = {
        (try? run(["python3", "-c", "import zeep"], timeout: .seconds(60)).status) == 0
    }()

    struct Outcome {
        let status: Int32
        let output: String
        let error: String
    }

    /// Runs a command with a deadline; kills it when the deadline passes.
    static func run(_ arguments: [String], timeout: Duration) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            error: String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test("zeep builds a client from the served WSDL and fetches a person by IIN", .enabled(if: required || zeepInstalled), .timeLimit(.minutes(2)))
    func zeepFetchesPerson() async throws {
        try #require(Self.zeepInstalled, "python3 with zeep is required here (CI or QORGAN_REQUIRE_ZEEP=1): pip install zeep")
        var configuration = MockRegistriesConfiguration()
        configuration.senders.append(SyncChannelSender(senderId: "zeep-client", password: "zeep-password"))
        configuration.unsignedSenderIds = ["zeep-client"]
        let record = MockFixture.knownPerson
        try await MockRegistries.withRunning(population: MockFixture.population, configuration: configuration) { mocks in
            let script = Self.packageRoot.appendingPathComponent("scripts/zeep-fetch-person.py").path
            let wsdl = mocks.baseURL(.individuals) + "/?wsdl"
            let arguments = [
                "python3", script, "--wsdl", wsdl, "--iin", record.person.iin.unmasked, "--sender", "zeep-client", "--password", "zeep-password",
                "--service-id", mocks.serviceIds.person,
            ]
            // Process is synchronous: run it off the cooperative pool so the in-process mocks keep serving.
            let outcome = try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(with: Result { try Self.run(arguments, timeout: .seconds(60)) })
                }
            }
            #expect(outcome.status == 0, "zeep script failed: \(outcome.error.suffix(2000))")
            let object = TestHTTP.object(Data(outcome.output.utf8))
            #expect(object["status"] as? String == "SCSS001")
            #expect(object["messageResult"] as? String == "00000")
            #expect(object["iin"] as? String == record.person.iin.unmasked)
            #expect(object["surname"] as? String == record.person.surname)
            #expect(object["name"] as? String == record.person.firstName)
        }
    }
}
