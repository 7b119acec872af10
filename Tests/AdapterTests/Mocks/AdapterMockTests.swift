import BusinessRegistryAdapter
import EducationAdapter
import Foundation
import GBDFLAdapter
import HealthAdapter
import Identifiers
import Normalization
import Population
import RegistryMocks
import RegistryTransport
import SMSAdapter
import SOAP
import SyncChannelClient
import Testing
import Verification
import XMLSupport

/// The adapters against the running mocks: happy paths, then every fault the mocks can inject.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct AdapterMockTests {
    @Test("persons, birth records, education, business, health and SMS answer through the adapters")
    func happyPaths() async throws {
        try await MockHarness.run { harness in
            let deadline = Deadline.after(.seconds(10))
            let gbdfl = try harness.gbdfl()
            let known = MockHarness.knownIIN
            let person = await gbdfl.person(known, within: deadline)
            #expect(person.record?.iin == known)
            #expect(person.evidence?.messageId.isEmpty == false)
            #expect(await gbdfl.person(MockHarness.unknownIIN, within: deadline).outcome == .notFound)

            let population = MockHarness.population
            let act = try #require(population.individuals.birthRecords.first)
            let acts = await gbdfl.birthRecords(involving: act.childIIN, within: deadline)
            #expect(acts.record?.contains { $0.child.iin == act.childIIN } == true)

            let student = try #require(population.education.students.first)
            #expect(try await harness.education().enrolment(of: student.person.iin, within: deadline).record?.pupil.iin == student.person.iin)
            let educator = try #require(population.education.educators.first)
            #expect(try await harness.education().qualification(of: educator.person.iin, within: deadline).record?.educator.iin == educator.person.iin)
            let entity = try #require(population.business.legalEntities.first)
            #expect(try await harness.business().legalEntity(entity.bin, within: deadline).record?.bin == entity.bin)

            let patient = try #require(population.health.patients.first)
            let health = harness.health()
            #expect(await health.healthFacts(patient.person.iin, within: deadline).record?.patient.iin == patient.person.iin)
            #expect(await health.healthFacts(MockHarness.unknownIIN, within: deadline).outcome == .notFound)

            let receipt = await harness.sms().send(SMSMessage(recipient: try PhoneNumber("+77011234567"), text: "Код: 1234"), within: deadline)
            #expect(receipt.record?.id.isEmpty == false)
            #expect(harness.mocks.sentMessages.count == 1)
        }
    }

    @Test("a registry that hangs costs at most its timeout, and reads as unavailable(timeout)")
    func hang() async throws {
        try await MockHarness.run { harness in
            harness.mocks.setFaults(FaultConfiguration(mode: .hang, hangSeconds: 30), for: .individuals)
            let gbdfl = try harness.gbdfl(harness.endpoint(.individuals, total: .milliseconds(500)))
            let start = ContinuousClock.now
            let result = await gbdfl.person(MockHarness.knownIIN, within: .after(.seconds(10)))
            let elapsed = start.duration(to: .now)
            guard case .unavailable(let reason) = result else {
                Issue.record("expected unavailable, got \(result.outcome)")
                return
            }
            #expect(reason == .timeout)
            #expect(elapsed < .milliseconds(500) + .milliseconds(500))

            harness.mocks.setFaults(FaultConfiguration(mode: .hang, hangSeconds: 30), for: .health)
            let healthStart = ContinuousClock.now
            let health = await harness.health().healthFacts(MockHarness.knownIIN, within: .after(.milliseconds(400)))
            #expect(health.outcome == .unavailable)
            #expect(healthStart.duration(to: .now) < .milliseconds(400) + .milliseconds(500))
        }
    }

    @Test("a registry that is down never reports not found", arguments: [FaultMode.error, .soapFault, .http500, .connectionReset, .hang])
    func downIsNotNotFound(mode: FaultMode) async throws {
        try await MockHarness.run { harness in
            harness.mocks.setFaults(FaultConfiguration(mode: mode, hangSeconds: 5), for: .individuals)
            let gbdfl = try harness.gbdfl(harness.endpoint(.individuals, total: .milliseconds(600)))
            let result = await gbdfl.person(MockHarness.unknownIIN, within: .after(.seconds(5)))
            #expect(result.outcome == .unavailable, "mode \(mode): \(result.outcome)")
            #expect(result.evidence == nil)
            harness.mocks.setFaults(FaultConfiguration(mode: mode == .soapFault ? .error : mode, hangSeconds: 5), for: .health)
            let health = await harness.health(harness.endpoint(.health, total: .milliseconds(600))).healthFacts(
                MockHarness.unknownIIN, within: .after(.seconds(5)))
            #expect(health.outcome == .unavailable, "health, mode \(mode): \(health.outcome)")
        }
    }

    @Test("a SyncChannel fault carries its error code")
    func faultCode() async throws {
        try await MockHarness.run { harness in
            harness.mocks.setFaults(FaultConfiguration(mode: .soapFault, faultCode: "MOCK-TIMEOUT"), for: .individuals)
            let result = try await harness.gbdfl().person(MockHarness.knownIIN, within: .after(.seconds(5)))
            guard case .unavailable(let reason) = result else {
                Issue.record("expected unavailable")
                return
            }
            #expect(reason == .fault(code: ""))
            #expect(reason.detail == "MOCK-TIMEOUT")
        }
    }

    @Test("the breaker opens after N failures, fails fast while open, and closes after recovery")
    func breaker() async throws {
        try await MockHarness.run { harness in
            let configuration = harness.endpoint(
                .individuals, breaker: .init(failureThreshold: 3, coolDown: .milliseconds(300)))
            let gbdfl = try harness.gbdfl(configuration)
            harness.mocks.setFaults(FaultConfiguration(mode: .http500), for: .individuals)
            for _ in 0..<3 {
                #expect(await gbdfl.person(MockHarness.knownIIN, within: .after(.seconds(5))).outcome == .unavailable)
            }
            #expect(gbdfl.client.transport.breakerState.label == "open")
            let start = ContinuousClock.now
            let refused = await gbdfl.person(MockHarness.knownIIN, within: .after(.seconds(5)))
            #expect(start.duration(to: .now) < .milliseconds(100))
            if case .unavailable(let reason) = refused { #expect(reason == .circuitOpen) } else { Issue.record("expected circuit open") }

            harness.mocks.setFaults(.none, for: .individuals)
            try await Task.sleep(for: .milliseconds(350))
            let recovered = await gbdfl.person(MockHarness.knownIIN, within: .after(.seconds(5)))
            #expect(recovered.outcome == .found)
            #expect(gbdfl.client.transport.breakerState == .closed(failures: 0))
        }
    }

    @Test("429 with Retry-After is retried after the delay the registry asked for")
    func retryAfter() async throws {
        try await MockHarness.run { harness in
            harness.mocks.setFaults(FaultConfiguration(mode: .tooManyRequests, retryAfterSeconds: 1), for: .individuals)
            let gbdfl = try harness.gbdfl(harness.endpoint(.individuals, total: .seconds(5), retry: RetryPolicy(maximumAttempts: 3)))
            let start = ContinuousClock.now
            async let result = gbdfl.person(MockHarness.knownIIN, within: .after(.seconds(5)))
            try await Task.sleep(for: .milliseconds(300))
            harness.mocks.setFaults(.none, for: .individuals)
            let answer = await result
            let elapsed = start.duration(to: .now)
            #expect(answer.outcome == .found)
            #expect(elapsed >= .seconds(1), "waited the Retry-After, not the 100 ms back-off")
            #expect(elapsed < .seconds(3))

            harness.mocks.setFaults(FaultConfiguration(mode: .tooManyRequests, retryAfterSeconds: 10), for: .individuals)
            let throttled = await gbdfl.person(MockHarness.knownIIN, within: .after(.seconds(5)))
            if case .unavailable(let reason) = throttled { #expect(reason == .rateLimited) } else { Issue.record("expected rate limited") }
        }
    }

    @Test("a wrong signature or a truncated answer is invalidResponse, never found or not found")
    func untrustworthy() async throws {
        try await MockHarness.run { harness in
            let gbdfl = try harness.gbdfl()
            harness.mocks.setFaults(FaultConfiguration(mode: .wrongSignature), for: .individuals)
            let wrong = await gbdfl.person(MockHarness.unknownIIN, within: .after(.seconds(5)))
            if case .invalidResponse(let reason) = wrong { #expect(reason == .untrustedSigner()) } else { Issue.record("expected invalid: \(wrong.outcome)") }
            harness.mocks.setFaults(FaultConfiguration(mode: .malformedXML), for: .individuals)
            let truncated = await gbdfl.person(MockHarness.knownIIN, within: .after(.seconds(5)))
            if case .invalidResponse(let reason) = truncated { #expect(reason == .malformed()) } else { Issue.record("expected malformed") }
            harness.mocks.setFaults(.none, for: .individuals)
            let distrusting = GBDFLAdapterFactory.untrusting(harness)
            #expect(await distrusting.person(MockHarness.knownIIN, within: .after(.seconds(5))).outcome == .invalidResponse)
        }
    }

    @Test("a refused token is refreshed once; tokens refused for good make health unavailable, not not-found")
    func tokens() async throws {
        try await MockHarness.run { harness in
            let health = harness.health()
            let patient = try #require(MockHarness.population.health.patients.first).person.iin
            #expect(await health.healthFacts(patient, within: .after(.seconds(5))).outcome == .found)
            harness.mocks.setFaults(FaultConfiguration(mode: .invalidToken), for: .health)
            let refused = await health.healthFacts(MockHarness.unknownIIN, within: .after(.seconds(5)))
            if case .unavailable(let reason) = refused { #expect(reason == .authentication()) } else { Issue.record("expected unavailable") }
            harness.mocks.setFaults(.none, for: .health)
            #expect(await health.healthFacts(patient, within: .after(.seconds(5))).outcome == .found, "a fresh token after the refusal")
        }
    }

    @Test("an SMS send is never retried: 429 and 5xx are unavailable after one attempt")
    func smsNotRetried() async throws {
        try await MockHarness.run { harness in
            let sms = harness.sms()
            let message = SMSMessage(recipient: try PhoneNumber("+77011234567"), text: "Код: 1234")
            harness.mocks.setFaults(FaultConfiguration(mode: .tooManyRequests, retryAfterSeconds: 0), for: .sms)
            let throttled = await sms.send(message, within: .after(.seconds(5)))
            if case .unavailable(let reason) = throttled { #expect(reason == .rateLimited) } else { Issue.record("expected rate limited") }
            harness.mocks.setFaults(FaultConfiguration(mode: .http500), for: .sms)
            let failed = await sms.send(message, within: .after(.seconds(5)))
            if case .unavailable(let reason) = failed { #expect(reason == .httpStatus(500)) } else { Issue.record("expected unavailable") }
            #expect(harness.mocks.sentMessages.isEmpty)
        }
    }
}

enum GBDFLAdapterFactory {
    static func untrusting(_ harness: MockHarness) -> GBDFLAdapter {
        GBDFLAdapter(client: try! harness.syncChannel(.individuals, harness.endpoint(.individuals), trusted: false))
    }
}
