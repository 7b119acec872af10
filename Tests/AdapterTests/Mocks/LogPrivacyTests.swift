import Foundation
import Identifiers
import InMemoryLogging
import Logging
import Normalization
import RegistryMocks
import RegistryTransport
import SMSAdapter
import HealthAdapter
import GBDFLAdapter
import Testing
import Verification

/// No log line of the transport or the adapters carries a raw IIN or a phone number, even on the failure paths.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct LogPrivacyTests {
    @Test("logs carry no raw IIN, phone number or text, on success and failure paths")
    func noPersonalData() async throws {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "qorgan.test", factory: { _ in handler })
        logger.logLevel = .trace
        try await MockHarness.run { base in
            var harness = base
            harness.logger = logger
            let iin = MockHarness.knownIIN
            let gbdfl = try harness.gbdfl(harness.endpoint(.individuals, total: .milliseconds(800), retry: RetryPolicy(maximumAttempts: 2, baseDelay: .milliseconds(10))))
            _ = await gbdfl.person(iin, within: .after(.seconds(5)))
            for mode in [FaultMode.soapFault, .wrongSignature, .malformedXML, .http500, .tooManyRequests] {
                harness.mocks.setFaults(FaultConfiguration(mode: mode, retryAfterSeconds: 0), for: .individuals)
                _ = await gbdfl.person(iin, within: .after(.seconds(5)))
            }
            harness.mocks.setFaults(FaultConfiguration(mode: .invalidToken), for: .health)
            _ = await harness.health().healthFacts(iin, within: .after(.seconds(5)))
            _ = await harness.sms().send(SMSMessage(recipient: try PhoneNumber("+77011234567"), text: "Код: 4321"), within: .after(.seconds(5)))
        }
        let entries = handler.entries
        #expect(!entries.isEmpty)
        let forbidden = [MockHarness.knownIIN.unmasked, "7011234567", "4321"]
        for entry in entries {
            let line = "\(entry.message) \(entry.metadata)"
            for value in forbidden {
                #expect(!line.contains(value), "log line carries personal data: \(entry.message)")
            }
        }
    }
}
