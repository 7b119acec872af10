import Foundation
import Hummingbird
import HummingbirdTesting
import Identifiers
import RegistryAdapters
import Reverification
import Service
import Storage
import Testing

/// Nothing is suspended without an operator, and an operator can suspend: a re-verification review is resolved KEEP
/// (the voucher stays) or SUSPEND (it stops counting as active, is no longer re-verified, and the child may be given
/// another); ACTIVATE, which would issue a second voucher, is refused.
@Suite(.serialized) struct ReverificationReviewResolutionTests {
    static let day = CalendarDate(year: 2025, month: 10, day: 1)!

    @Test("KEEP leaves the voucher active; SUSPEND suspends it atomically with the audited resolution; ACTIVATE is 422")
    func keepAndSuspend() async throws {
        let declaration = GatewayEndToEndTests.honestDeclaration
        try await GatewayEndToEndTests.withWorld(service: VoucherActivationReverificationTests.service, registryTimeoutMilliseconds: 30_000) { world, router in
            try await Application(router: router).test(.router) { client in
                let activated = try await client.execute(
                    uri: "/v1/voucher-activations", method: .post, headers: GatewayEndToEndTests.headers(world.registrar),
                    body: GatewayEndToEndTests.json(GatewayEndToEndTests.activation(declaration, requestId: "rr-1")))
                #expect(GatewayEndToEndTests.object(activated)["decision"] as? String == "ACTIVATE")
                let voucherID = try #require(try await world.store.voucherSubjects(activeOn: Self.day, activatedSince: nil, afterVoucherID: nil, limit: 10).first?.voucherID)

                // A run whose registries are all down flags the voucher (REVIEW, REGISTRY_UNAVAILABLE) and suspends nothing.
                let first = try await Self.reverify(world)
                #expect(first.summary.flagged == 1)
                let keepReview = try await Self.openReverificationReview(client, world)
                let refused = try await Self.resolve(client, world, keepReview, "ACTIVATE")
                #expect(refused.status == .unprocessableContent)
                #expect(GatewayEndToEndTests.object(refused)["code"] as? String == "RESOLUTION_INVALID")
                #expect(try await Self.resolve(client, world, keepReview, "KEEP").status == .ok)
                #expect(try await world.store.voucherSubjects(activeOn: Self.day, activatedSince: nil, afterVoucherID: nil, limit: 10).map(\.voucherID) == [voucherID])

                // The next run flags it again; this time the operator suspends it.
                _ = try await Self.reverify(world)
                let suspendReview = try await Self.openReverificationReview(client, world)
                let suspended = try await Self.resolve(client, world, suspendReview, "SUSPEND")
                #expect(suspended.status == .ok)
                #expect(GatewayEndToEndTests.object(suspended)["resolution"] as? String == "SUSPEND")
                #expect(try await world.store.voucherSubjects(activeOn: Self.day, activatedSince: nil, afterVoucherID: nil, limit: 10).isEmpty)
                let audit = try await world.store.entries(AuditQuery(subjectID: suspendReview))
                #expect(audit.map(\.draft.action) == ["review.resolved"])
                #expect(audit.first?.draft.details["voucher_id"] == voucherID)
                #expect(audit.first?.draft.actor == "operator")

                // A suspended voucher is not re-verified, and no longer blocks a new voucher for the child.
                #expect(try await Self.reverify(world).summary.vouchers == 0)
                let again = try await client.execute(
                    uri: "/v1/voucher-activations", method: .post, headers: GatewayEndToEndTests.headers(world.registrar),
                    body: GatewayEndToEndTests.json(GatewayEndToEndTests.activation(declaration, requestId: "rr-2")))
                #expect(GatewayEndToEndTests.object(again)["decision"] as? String == "ACTIVATE")
            }
        }
    }

    /// Re-verifies every active voucher with all registries unreachable.
    static func reverify(_ world: GatewayEndToEndTests.World) async throws -> ReverificationRunOutcome {
        let ports = UnreachableRegistries.adapterSet
        let checker = ReverificationChecker(
            persons: ports.persons, birthRecords: ports.birthRecords, health: ports.health, education: ports.education, business: ports.business)
        return try await ReverificationRunner(store: world.store, protector: world.store.personalData, checker: checker).run(ReverificationRequest(activeOn: day))
    }

    /// The one open review of kind voucher-activation.
    static func openReverificationReview(_ client: some TestClientProtocol, _ world: GatewayEndToEndTests.World) async throws -> String {
        let queue = try await client.execute(uri: "/v1/reviews?status=open", method: .get, headers: GatewayEndToEndTests.headers(world.operatorKey))
        let items = GatewayEndToEndTests.object(queue)["items"] as? [[String: Any]] ?? []
        #expect(items.count == 1)
        return try #require(items.first?["reviewId"] as? String)
    }

    static func resolve(_ client: some TestClientProtocol, _ world: GatewayEndToEndTests.World, _ review: String, _ resolution: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/v1/reviews/\(review)/resolve", method: .post, headers: GatewayEndToEndTests.headers(world.operatorKey),
            body: GatewayEndToEndTests.json(["resolution": resolution, "comment": "checked with the akimat (\(resolution))"]))
    }
}
