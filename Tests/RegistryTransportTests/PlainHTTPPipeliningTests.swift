import Foundation
import Testing
import RegistryTransport

/// HTTP/1.1 pipelining on the kept-alive pool (`RegistryHTTPClient.Configuration.pipelineDepth` above 1).
/// Calls carry 10 s deadlines on NIO's shared event loops: `scripts/test.sh` runs this suite in its serial phase, where
/// other suites' CPU-bound work cannot starve the loops past those deadlines.
struct PlainHTTPPipeliningTests {
    static func client() -> RegistryHTTPClient.Configuration { .init(pipelineDepth: 4) }

    static func bodies(_ transport: RegistryTransport, calls: Int, idempotent: Bool = true) async -> [Result<String, RegistryTransportError>] {
        await withTaskGroup(of: Result<String, RegistryTransportError>.self) { group in
            for _ in 0..<calls {
                group.addTask {
                    do {
                        return .success(String(decoding: try await PlainHTTPPoolTests.call(transport, idempotent: idempotent).body, as: UTF8.self))
                    } catch let error as RegistryTransportError {
                        return .failure(error)
                    } catch {
                        return .failure(.connection)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test("concurrent calls share one kept-alive connection, up to the depth, and each gets its own answer")
    func callsShareAConnection() async throws {
        let server = try ScriptedListener(replies: (0...8).map { .ok(body: "r\($0)") })
        try await RegistryHTTPClient.withClient(configuration: Self.client()) { client in
            let transport = PlainHTTPPoolTests.transport(port: server.port, client: client)
            let warmUp = try await PlainHTTPPoolTests.call(transport)
            #expect(String(decoding: warmUp.body, as: UTF8.self) == "r0")
            let first = await Self.bodies(transport, calls: 4)
            #expect(Set(first.compactMap { try? $0.get() }) == ["r1", "r2", "r3", "r4"])
            #expect(server.accepted == 1)
            let second = await Self.bodies(transport, calls: 4)
            #expect(Set(second.compactMap { try? $0.get() }) == ["r5", "r6", "r7", "r8"])
        }
        #expect(server.accepted == 1)
        #expect(server.requests == 9)
    }

    @Test("one at a time without pipelining: concurrent calls open connections of their own")
    func withoutPipelining() async throws {
        let server = try ScriptedListener(replies: (0...4).map { .ok(body: "r\($0)") })
        try await RegistryHTTPClient.withClient { client in
            let transport = PlainHTTPPoolTests.transport(port: server.port, client: client)
            _ = try await PlainHTTPPoolTests.call(transport)
            let answers = await Self.bodies(transport, calls: 4)
            #expect(answers.allSatisfy { (try? $0.get()) != nil })
        }
        #expect(server.accepted > 1)
    }

    @Test("requests queued behind an answer that closes the connection are sent again on new connections")
    func queuedBehindAClose() async throws {
        let server = try ScriptedListener(replies: [.ok(body: "first"), .ok(body: "second", close: true)])
        try await RegistryHTTPClient.withClient(configuration: Self.client()) { client in
            let transport = PlainHTTPPoolTests.transport(port: server.port, client: client)
            let warmUp = try await PlainHTTPPoolTests.call(transport)
            #expect(String(decoding: warmUp.body, as: UTF8.self) == "first")
            let answers = await Self.bodies(transport, calls: 3)
            // One is answered "second" on the shared connection; the two behind it, unanswered, on new ones.
            #expect(answers.compactMap { try? $0.get() }.sorted() == ["first", "first", "second"])
        }
        #expect(server.accepted == 3)
    }

    @Test("requests pipelined on a connection that drops unanswered are sent again, each once")
    func droppedPipeline() async throws {
        let server = try ScriptedListener(replies: [.ok(body: "first"), .dropWithoutAnswer])
        try await RegistryHTTPClient.withClient(configuration: Self.client()) { client in
            let transport = PlainHTTPPoolTests.transport(port: server.port, client: client)
            _ = try await PlainHTTPPoolTests.call(transport)
            let answers = await Self.bodies(transport, calls: 2)
            #expect(answers.compactMap { try? $0.get() } == ["first", "first"])
        }
        #expect(server.accepted == 3)
    }

    @Test("a request that is not idempotent is never pipelined: it waits for an idle connection or opens one")
    func notIdempotentGoesAlone() async throws {
        let server = try ScriptedListener(replies: (0...4).map { .ok(body: "r\($0)") })
        try await RegistryHTTPClient.withClient(configuration: Self.client()) { client in
            let transport = PlainHTTPPoolTests.transport(port: server.port, client: client)
            _ = try await PlainHTTPPoolTests.call(transport)
            let answers = await Self.bodies(transport, calls: 3, idempotent: false)
            #expect(answers.allSatisfy { (try? $0.get()) != nil })
        }
        // Three calls at once: the idle connection carries one, the other two open their own.
        #expect(server.accepted == 3)
    }
}
