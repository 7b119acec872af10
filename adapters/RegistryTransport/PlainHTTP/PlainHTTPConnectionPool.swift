import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// Kept-alive HTTP/1.1 connections over plain TCP, per host and port, on NIO's shared event loops: how
/// ``RegistryHTTPClient`` reaches `http://` registries (the bus adapter or a mock on a private network).
///
/// Each call takes an idle connection or opens one (the transport's concurrency limit bounds how many are busy), and
/// gives it back when the answer allows reuse; at most ``Configuration/maximumIdlePerHost`` stay open while idle, each
/// for about ``Configuration/idleTimeout`` (a sweep every half of it closes older ones; a call never takes one). A kept-alive connection found closed before any byte of the answer is
/// replaced once for an idempotent request. The caller's deadline bounds connecting and the whole exchange.
final class PlainHTTPConnectionPool: Sendable {
    /// Pool settings, taken from ``RegistryHTTPClient/Configuration``.
    struct Configuration: Sendable {
        /// Time to establish a TCP connection (the deadline may cut it shorter).
        var connectTimeout: TimeAmount
        /// Longest an exchange may take from sending (the deadline may cut it shorter).
        var readTimeout: TimeAmount
        /// Idle connections are closed after this long.
        var idleTimeout: TimeAmount
        /// Idle connections kept per host; more are closed when they come back.
        var maximumIdlePerHost: Int
    }

    private struct HostKey: Hashable {
        var host: String
        var port: Int
    }

    private struct Idle {
        var connection: PlainHTTPConnection
        var since: NIODeadline
    }

    private struct State {
        var idle: [HostKey: [Idle]] = [:]
        var isShutdown = false
        /// Closes connections idle past the idle timeout; started with the first idle connection.
        var sweeper: RepeatedTask?
    }

    private let configuration: Configuration
    private let group: any EventLoopGroup
    private let state = Mutex(State())

    init(configuration: Configuration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    /// One exchange, body collected, over by `deadline`.
    func perform(
        target: PlainHTTPTarget, method: String, headers: [(name: String, value: String)], body: [UInt8]?, isIdempotent: Bool,
        maximumResponseBytes: Int, deadline: NIODeadline
    ) async throws(RegistryTransportError) -> RegistryResponse {
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: target.path)
        head.headers.reserveCapacity(headers.count + 2)
        head.headers.add(name: "Host", value: target.authority)
        for header in headers where header.name.lowercased() != "content-length" && header.name.lowercased() != "host" {
            head.headers.add(name: header.name, value: header.value)
        }
        head.headers.add(name: "Content-Length", value: String(body?.count ?? 0))
        let key = HostKey(host: target.host, port: target.port)
        var replaced = false
        while true {
            // The replacement for a connection that closed unanswered is always a new one: after a server restart
            // every idle connection to it may be dead.
            let connection: PlainHTTPConnection
            let reused: Bool
            if replaced {
                (connection, reused) = (try await connect(key, deadline: deadline), false)
            } else {
                (connection, reused) = try await checkout(key, deadline: deadline)
            }
            if Task.isCancelled {
                checkin(connection, key: key, reusable: true)
                throw .cancelled
            }
            let exchangeDeadline = min(deadline, .now() + configuration.readTimeout)
            let promise = connection.channel.eventLoop.makePromise(of: PlainHTTPAnswer.self)
            let exchange = PlainHTTPExchange(
                head: head, body: body.map { connection.channel.allocator.buffer(bytes: $0) }, maximumResponseBytes: maximumResponseBytes,
                deadline: exchangeDeadline, promise: promise)
            // A write that never reaches the handler (the channel closed, its pipeline torn down) completes the
            // exchange here; otherwise the handler does, and this second completion is ignored.
            connection.channel.writeAndFlush(exchange).whenFailure { _ in
                promise.fail(reused ? PlainHTTPFailure.closedBeforeAnswer : PlainHTTPFailure.transport(.connection))
            }
            let id = ObjectIdentifier(promise.futureResult)
            do {
                let answer = try await withTaskCancellationHandler {
                    try await promise.futureResult.get()
                } onCancel: {
                    connection.channel.triggerUserOutboundEvent(PlainHTTPCancel(exchange: id), promise: nil)
                }
                checkin(connection, key: key, reusable: answer.reusable)
                return answer.response
            } catch PlainHTTPFailure.closedBeforeAnswer {
                guard isIdempotent, !replaced else { throw .connection }
                replaced = true
            } catch PlainHTTPFailure.transport(let error) {
                throw error
            } catch {
                throw .connection
            }
        }
    }

    /// Closes the idle connections; calls made afterwards fail with ``RegistryTransportError/shutdown``, and
    /// connections in use close when their exchange ends.
    func shutdown() async {
        let (idle, sweeper) = state.withLock { state in
            state.isShutdown = true
            defer {
                state.idle = [:]
                state.sweeper = nil
            }
            return (state.idle.values.flatMap { $0 }, state.sweeper)
        }
        sweeper?.cancel()
        for entry in idle {
            try? await entry.connection.channel.close()
        }
    }

    /// An idle connection to `key` (`reused`), or a new one.
    private func checkout(_ key: HostKey, deadline: NIODeadline) async throws(RegistryTransportError) -> (PlainHTTPConnection, reused: Bool) {
        let oldest = NIODeadline.now() - configuration.idleTimeout
        var stale: [any Channel] = []
        let taken: Result<PlainHTTPConnection?, RegistryTransportError> = state.withLock { state in
            if state.isShutdown { return .failure(.shutdown) }
            while let last = state.idle[key]?.popLast() {
                if last.since > oldest, last.connection.channel.isActive { return .success(last.connection) }
                stale.append(last.connection.channel)
            }
            return .success(nil)
        }
        for channel in stale { channel.close(promise: nil) }
        if let connection = try taken.get() { return (connection, true) }
        return (try await connect(key, deadline: deadline), false)
    }

    private func checkin(_ connection: PlainHTTPConnection, key: HostKey, reusable: Bool) {
        let channel = connection.channel
        guard reusable, channel.isActive else {
            channel.close(promise: nil)
            return
        }
        let now = NIODeadline.now()
        let (kept, startSweeper) = state.withLock { state in
            guard !state.isShutdown, state.idle[key, default: []].count < configuration.maximumIdlePerHost else { return (false, false) }
            state.idle[key, default: []].append(Idle(connection: connection, since: now))
            return (true, state.sweeper == nil)
        }
        if !kept { channel.close(promise: nil) }
        if startSweeper { startSweeping() }
    }

    private func startSweeping() {
        let interval = TimeAmount.nanoseconds(max(configuration.idleTimeout.nanoseconds / 2, 10_000_000))
        let task = group.next().scheduleRepeatedTask(initialDelay: interval, delay: interval) { [weak self] _ in
            self?.sweep()
        }
        let superfluous = state.withLock { state in
            guard state.sweeper == nil, !state.isShutdown else { return true }
            state.sweeper = task
            return false
        }
        if superfluous { task.cancel() }
    }

    /// Closes every connection idle longer than the idle timeout.
    private func sweep() {
        let oldest = NIODeadline.now() - configuration.idleTimeout
        let expired = state.withLock { state in
            var expired: [any Channel] = []
            for (key, list) in state.idle {
                let (old, fresh) = (list.filter { $0.since <= oldest }, list.filter { $0.since > oldest })
                guard !old.isEmpty else { continue }
                state.idle[key] = fresh
                expired += old.map(\.connection.channel)
            }
            return expired
        }
        for channel in expired { channel.close(promise: nil) }
    }

    private func connect(_ key: HostKey, deadline: NIODeadline) async throws(RegistryTransportError) -> PlainHTTPConnection {
        let remaining = deadline - .now()
        guard remaining > .zero else { throw .timeout }
        let cutByDeadline = remaining < configuration.connectTimeout
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(min(remaining, configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(PlainHTTPExchangeHandler())
                }
            }
        // Cancellation ends the wait at once; a connection that completes afterwards is closed.
        let connecting = bootstrap.connect(host: key.host, port: key.port)
        let outcome = connecting.eventLoop.makePromise(of: (any Channel).self)
        connecting.whenSuccess { channel in outcome.futureResult.whenFailure { _ in channel.close(promise: nil) } }
        connecting.cascade(to: outcome)
        do {
            let channel = try await withTaskCancellationHandler {
                try await outcome.futureResult.get()
            } onCancel: {
                outcome.fail(CancellationError())
            }
            return PlainHTTPConnection(channel: channel)
        } catch is CancellationError {
            throw .cancelled
        } catch ChannelError.connectTimeout {
            throw .timeout
        } catch {
            if cutByDeadline, NIODeadline.now() >= deadline { throw .timeout }
            throw .connection
        }
    }
}

/// One kept-alive connection of a ``PlainHTTPConnectionPool``.
struct PlainHTTPConnection: Sendable {
    /// The channel, whose pipeline ends in a ``PlainHTTPExchangeHandler``.
    let channel: any Channel
}
