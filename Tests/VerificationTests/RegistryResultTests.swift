import Foundation
import Identifiers
import Testing
import Verification

struct RegistryResultTests {
    @Test("found and not found carry evidence; unavailable and invalid carry none")
    func evidence() {
        let found: RegistryResult<PersonRecord> = .found(Samples.person(Samples.child), evidence: Samples.evidence("a"))
        let notFound: RegistryResult<PersonRecord> = .notFound(evidence: Samples.evidence("b"))
        let down: RegistryResult<PersonRecord> = .unavailable(.timeout)
        let bad: RegistryResult<PersonRecord> = .invalidResponse(.badSignature())
        #expect(found.evidence?.messageId == "a")
        #expect(notFound.evidence?.messageId == "b")
        #expect(down.evidence == nil)
        #expect(bad.evidence == nil)
        #expect(found.isAnswer && notFound.isAnswer && !down.isAnswer && !bad.isAnswer)
        #expect(found.record?.iin == Samples.child)
        #expect(notFound.record == nil)
    }

    @Test("the four outcomes stay apart", arguments: [
        (RegistryResult<Int>.found(1, evidence: Samples.evidence()), RegistryOutcome.found),
        (.notFound(evidence: Samples.evidence()), .notFound),
        (.unavailable(.circuitOpen), .unavailable),
        (.invalidResponse(.malformed()), .invalidResponse),
    ])
    func outcomes(result: RegistryResult<Int>, outcome: RegistryOutcome) {
        #expect(result.outcome == outcome)
        #expect(Set(RegistryOutcome.allCases.map(\.rawValue)).count == 4)
    }

    @Test("not found is never equal to unavailable")
    func notFoundIsNotUnavailable() {
        let notFound: RegistryResult<Int> = .notFound(evidence: Samples.evidence())
        let unavailable: RegistryResult<Int> = .unavailable(.timeout)
        #expect(notFound != unavailable)
        #expect(notFound.outcome != unavailable.outcome)
    }

    @Test("map transforms the record and passes the other cases through")
    func map() {
        let found: RegistryResult<Int> = .found(20, evidence: Samples.evidence())
        #expect(found.map { $0 * 2 }.record == 40)
        let down: RegistryResult<Int> = .unavailable(.fault(code: "MOCK-TIMEOUT"))
        #expect(down.map { String($0) }.outcome == .unavailable)
    }

    @Test("reasons compare by kind and have payload-free labels")
    func reasons() {
        #expect(UnavailabilityReason.fault(code: "A") == .fault(code: "B"))
        #expect(UnavailabilityReason.fault(code: "MOCK-TIMEOUT").description == "fault(MOCK-TIMEOUT)")
        #expect(UnavailabilityReason.httpStatus(503).shortDescription == "http_status")
        #expect(UnavailabilityReason.timeout != .connection)
        #expect(InvalidResponseReason.badSignature("digest") == .badSignature())
        #expect(InvalidResponseReason.untrustedSigner().shortDescription == "untrusted_signer")
    }

    @Test("records print masked IINs only")
    func masking() {
        let record = Samples.person(Samples.child)
        #expect(!"\(record)".contains(Samples.child.unmasked))
        #expect(!"\(record)".contains("АЛИХАН"))
    }
}
