import Foundation
import Identifiers
import RegistryTransport
import SOAP
import SyncChannelClient
import Testing
import Verification
@testable import BusinessRegistryAdapter
@testable import EducationAdapter
@testable import GBDFLAdapter

struct SOAPFixtureTests {
    func classify(_ name: String, status: Int = 200, trusted: Bool = true, mutate: (inout [UInt8]) -> Void = { _ in }) throws -> RegistryResult<SyncChannelAnswer> {
        var body = try Fixture.bytes(name)
        mutate(&body)
        let configuration = try Fixture.configuration(trusting: trusted ? [try Fixture.signingCertificate()] : [])
        return SyncChannelClient.classify(
            response: RegistryResponse(status: status, body: body), expectedCorrelationId: nil, registry: .individuals,
            configuration: configuration, logger: Fixture.logger, operation: "test", now: try Fixture.recordedAt)
    }

    @Test("a recorded person answer verifies and maps to the registry's person")
    func person() throws {
        let answer = try classify("gbdfl-person.xml")
        let evidence = try #require(answer.evidence)
        #expect(!evidence.messageId.isEmpty)
        #expect(evidence.resultCode == "00000")
        let iinText = try #require(answer.record?.data.wireChild("persons")?.wireChild("person")?.wireText("iin"))
        let iin = try IIN(iinText)
        let person = try GBDFLMapping.person(from: try #require(answer.record).data, iin: iin)
        #expect(person.iin == iin)
        #expect(!person.surname.isEmpty && !person.firstName.isEmpty)
        #expect(person.surname == person.surname.uppercased())
        #expect(person.birthDate != nil)
        #expect(person.gender != nil)
        #expect(person.citizenship?.code.count == 3)
        #expect(person.registeredAddress?.region != nil)
    }

    @Test("a recorded not-found answer is notFound with evidence, never unavailable")
    func notFound() throws {
        let answer = try classify("gbdfl-person-not-found.xml")
        #expect(answer.outcome == .notFound)
        #expect(answer.evidence?.resultCode == "00003")
    }

    @Test("a not-found body under a non-200 status is unavailable: not found needs a clean answer")
    func notFoundNeedsSuccess() throws {
        #expect(try classify("gbdfl-person-not-found.xml", status: 503).outcome == .unavailable)
        #expect(try classify("gbdfl-person-not-found.xml", status: 200, trusted: false).outcome == .invalidResponse)
    }

    @Test("recorded birth records map to acts with the child and parents")
    func birthRecords() throws {
        let answer = try classify("gbdfl-birth-records.xml")
        let acts = try GBDFLMapping.birthRecords(from: try #require(answer.record).data)
        #expect(!acts.isEmpty)
        let act = try #require(acts.first)
        #expect(act.child.iin != nil)
        #expect(act.mother?.iin != nil || act.father?.iin != nil)
        #expect(act.status == .active)
    }

    @Test("a recorded student answer maps to an enrolment")
    func student() throws {
        let enrolment = try EducationMapping.enrolment(from: try #require(try classify("nobd-student.xml").record).data)
        #expect(enrolment.pupil.iin != nil)
        #expect(enrolment.school.bin != nil)
        #expect(enrolment.grade != nil)
        #expect(enrolment.status == .studying || !enrolment.status.rawValue.isEmpty)
    }

    @Test("a recorded educator answer maps diplomas and the category")
    func educator() throws {
        let qualification = try EducationMapping.qualification(from: try #require(try classify("nobd-educator.xml").record).data)
        #expect(qualification.educator.iin != nil)
        #expect(!qualification.diplomas.isEmpty)
        #expect(qualification.category != nil)
        #expect(qualification.employer != nil)
    }

    @Test("a recorded legal entity answer maps BIN, status and head")
    func legalEntity() throws {
        let entity = try BusinessRegistryMapping.legalEntity(from: try #require(try classify("gbdul-legal-entity.xml").record).data)
        #expect(!entity.bin.text.isEmpty)
        #expect(!entity.status.rawValue.isEmpty)
        #expect(entity.activity != nil)
        #expect(entity.head?.surname != nil)
    }

    @Test("a recorded SyncChannel fault is unavailable(fault), whatever the status")
    func fault() throws {
        let answer = try classify("syncchannel-fault.xml", status: 500)
        guard case .unavailable(let reason) = answer else {
            Issue.record("expected unavailable, got \(answer.outcome)")
            return
        }
        #expect(reason == .fault(code: ""))
        #expect(reason.detail?.isEmpty == false)
    }

    @Test("a modified body fails verification: invalidResponse, never found or not found")
    func tampered() throws {
        let answer = try classify("gbdfl-person.xml") { body in
            let text = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "<code>00000</code>", with: "<code>00003</code>")
            body = Array(text.utf8)
        }
        #expect(answer.outcome == .invalidResponse)
        if case .invalidResponse(let reason) = answer { #expect(reason == .badSignature()) }
    }

    @Test("an answer signed outside the trust set is invalidResponse(untrustedSigner)")
    func untrusted() throws {
        let answer = try classify("gbdfl-person.xml", trusted: false)
        if case .invalidResponse(let reason) = answer { #expect(reason == .untrustedSigner()) } else { Issue.record("expected invalidResponse") }
    }

    @Test("a truncated answer is invalidResponse(malformed)")
    func truncated() throws {
        let answer = try classify("gbdfl-person.xml") { body in body = Array(body.prefix(body.count * 2 / 3)) }
        if case .invalidResponse(let reason) = answer { #expect(reason == .malformed()) } else { Issue.record("expected invalidResponse") }
    }

    @Test("an unsigned answer is invalidResponse(signatureMissing)")
    func unsigned() throws {
        let answer = try classify("gbdfl-person.xml") { body in
            var text = String(decoding: body, as: UTF8.self)
            if let start = text.range(of: "<soap:Header"), let end = text.range(of: "</soap:Header>") {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
            body = Array(text.utf8)
        }
        #expect(answer.outcome == .invalidResponse)
    }
}
