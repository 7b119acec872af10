import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
import XMLSupport
struct SecurityTests {
    static func faultCode(_ result: TestHTTP.Result) throws -> String? {
        let fault = try #require(try SyncChannelFault(envelope: try MockFixture.envelope(result)))
        return fault.errorInfo?.errorCode
    }

    @Test("a wrong sender password is answered with a SyncChannel fault")
    func wrongPassword() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let sender = SyncChannelSender(senderId: mocks.senders[0].senderId, password: "wrong")
            let request = MockFixture.request(serviceId: mocks.serviceIds.person, value: MockFixture.knownPerson.person.iin.unmasked, sender: sender)
            let result = try await MockFixture.post(try MockFixture.signed(request, mocks: mocks), to: .individuals, of: mocks)
            #expect(result.status == 500)
            #expect(try Self.faultCode(result) == "MOCK-AUTH-SENDER")
        }
    }

    @Test("an unsigned request is refused when the sender must sign")
    func unsigned() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let request = MockFixture.request(serviceId: mocks.serviceIds.person, value: MockFixture.knownPerson.person.iin.unmasked, sender: mocks.senders[0])
            let result = try await MockFixture.post(Data(try request.envelope()), to: .individuals, of: mocks)
            #expect(result.status == 500)
            #expect(try Self.faultCode(result) == "MOCK-AUTH-SIGNATURE")
            let fault = try #require(try SyncChannelFault(envelope: try MockFixture.envelope(result)))
            #expect(fault.errorInfo?.errorData == "signature_missing" || fault.errorInfo?.errorData?.isEmpty == false)
        }
    }

    @Test("a request signed by an untrusted key, or tampered after signing, is refused")
    func badSignature() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let request = MockFixture.request(serviceId: mocks.serviceIds.person, value: MockFixture.knownPerson.person.iin.unmasked, sender: mocks.senders[0])
            let stranger = try MockSigningIdentity.generate(commonName: "stranger")
            let untrusted = try await MockFixture.post(Data(try stranger.wsSecuritySigner().signedEnvelope(request)), to: .individuals, of: mocks)
            #expect(try Self.faultCode(untrusted) == "MOCK-AUTH-SIGNATURE")

            var signed = String(decoding: try MockFixture.signed(request, mocks: mocks), as: UTF8.self)
            signed = signed.replacingOccurrences(of: MockFixture.knownPerson.person.iin.unmasked, with: MockFixture.unknownIIN)
            let tampered = try await MockFixture.post(Data(signed.utf8), to: .individuals, of: mocks)
            #expect(try Self.faultCode(tampered) == "MOCK-AUTH-SIGNATURE")
        }
    }

    @Test("an unknown serviceId is a fault; a malformed envelope is a client fault")
    func unknownServiceAndMalformed() async throws {
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let request = MockFixture.request(serviceId: "NO_SUCH_SERVICE", value: "1", sender: mocks.senders[0])
            let unknown = try await MockFixture.post(try MockFixture.signed(request, mocks: mocks), to: .individuals, of: mocks)
            #expect(try Self.faultCode(unknown) == "MOCK-UNKNOWN-SERVICE")
            let malformed = try await MockFixture.post(Data("<soap:Envelope".utf8), to: .business, of: mocks)
            #expect(malformed.status == 500)
            #expect(try Self.faultCode(malformed) == "MOCK-MALFORMED-REQUEST")
        }
    }

    @Test("a sender configured for unsigned access may call without a signature; others still may not")
    func unsignedSender() async throws {
        var configuration = MockRegistriesConfiguration()
        configuration.senders.append(SyncChannelSender(senderId: "zeep-test", password: "zeep-password"))
        configuration.unsignedSenderIds = ["zeep-test"]
        try await MockRegistries.withRunning(population: MockFixture.population, configuration: configuration) { mocks in
            let iin = MockFixture.knownPerson.person.iin.unmasked
            let allowed = MockFixture.request(serviceId: mocks.serviceIds.person, value: iin, sender: .init(senderId: "zeep-test", password: "zeep-password"))
            let ok = try await MockFixture.post(Data(try allowed.envelope()), to: .individuals, of: mocks)
            #expect(ok.status == 200)
            let refused = MockFixture.request(serviceId: mocks.serviceIds.person, value: iin, sender: mocks.senders[0])
            #expect(try Self.faultCode(try await MockFixture.post(Data(try refused.envelope()), to: .individuals, of: mocks)) == "MOCK-AUTH-SIGNATURE")
        }
    }
}
