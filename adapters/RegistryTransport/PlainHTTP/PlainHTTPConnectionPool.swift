import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// Kept-alive HTTP/1.1 connections over plain TCP, per host and port, on NIO's shared event loops: how
/// ``RegistryHTTPClient`` reaches `http://` registries (the bus adapter or a mock on a private network).
///
/// Each call takes an idle connection or opens one (the transport's concurrency limit bounds how many are busy), and
/// gives it back when the answer allows reuse (with ``Configuration/pipelineDepth`` above 1, a connection already
/// carrying fewer exchanges than the depth is taken first: HTTP/1.1 pipelining, see ``PlainHTTPExchangeHandler``); at most ``Configuration/maximumIdlePerHost`` stay open while idle, each
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
        /// Requests in flight at once on one connection (HTTP/1.1 pipelining); 1 = one at a time.
        var pipelineDepth: Int = 1
    }

    private struct HostKey: Hashable {
        var host: String
        var port: Int
    }

    /// An open connection the pool knows: idle (`inFlight == 0`, since `since`) or carrying exchanges.
    private struct Tracked {
        var connection: PlainHTTPConnection
        var inFlight: Int
        var since: NIODeadline
        /// It carries a request that is not idempotent: nothing is pipelined behind that (RFC 9112 §9.3.2).
        var exclusive = false
    }

    private struct State {
        var connections: [HostKey: [Tracked]] = [:]
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
                (connection, reused) = (try await connect(key, exclusive: !isIdempotent, deadline: deadline), false)
            } else {
                (connection, reused) = try await checkout(key, exclusive: !isIdempotent, deadline: deadline)
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
                checkin(connection, key: key, reusable: false)
                guard isIdempotent, !replaced else { throw .connection }
                replaced = true
            } catch PlainHTTPFailure.transport(let error) {
                checkin(connection, key: key, reusable: false)
                throw error
            } catch {
                checkin(connection, key: key, reusable: false)
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
                state.connections = state.connections.mapValues { $0.filter { $0.inFlight > 0 } }
                state.sweeper = nil
            }
            return (state.connections.values.flatMap { $0.filter { $0.inFlight == 0 } }, state.sweeper)
        }
        sweeper?.cancel()
        for entry in idle {
            try? await entry.connection.channel.close()
        }
    }

    /// A connection to `key` with room for one more exchange (`reused`), or a new one. One at a time: the most
    /// recently idle connection. Pipelining: the open connection with the most exchanges in flight below the depth,
    /// so that requests share writes; an `exclusive` (not idempotent) request only takes an idle connection, and
    /// nothing joins it while it is in flight.
    private func checkout(_ key: HostKey, exclusive: Bool, deadline: NIODeadline) async throws(RegistryTransportError) -> (PlainHTTPConnection, reused: Bool) {
        let oldest = NIODeadline.now() - configuration.idleTimeout
        let depth = exclusive ? 1 : configuration.pipelineDepth
        var stale: [any Channel] = []
        let taken: Result<PlainHTTPConnection?, RegistryTransportError> = state.withLock { state in
            if state.isShutdown { return .failure(.shutdown) }
            guard var list = state.connections[key], !list.isEmpty else { return .success(nil) }
            defer { state.connections[key] = list }
            // Connections idle too long, or closed by the server while idle, are dropped on the way.
            list.removeAll { entry in
                guard entry.inFlight == 0, entry.since <= oldest || !entry.connection.channel.isActive else { return false }
                stale.append(entry.connection.channel)
                return true
            }
            var chosen: Int?
            for index in list.indices.reversed()
            where list[index].inFlight < depth && !list[index].exclusive && list[index].connection.channel.isActive {
                if chosen == nil || list[index].inFlight > list[chosen!].inFlight { chosen = index }
            }
            guard let chosen else { return .success(nil) }
            list[chosen].inFlight += 1
            list[chosen].exclusive = exclusive
            return .success(list[chosen].connection)
        }
        for channel in stale { channel.close(promise: nil) }
        if let connection = try taken.get() { return (connection, true) }
        return (try await connect(key, exclusive: exclusive, deadline: deadline), false)
    }

    private func checkin(_ connection: PlainHTTPConnection, key: HostKey, reusable: Bool) {
        let channel = connection.channel
        let now = NIODeadline.now()
        let (close, startSweeper) = state.withLock { state in
            guard var list = state.connections[key], let index = list.firstIndex(where: { $0.connection.channel === channel }) else {
                return (true, false)
            }
            defer { state.connections[key] = list }
            list[index].inFlight -= 1
            if list[index].inFlight == 0 { list[index].exclusive = false }
            // Not reusable, closed, or idle after a shutdown: forgotten and closed (exchanges still queued on it fail).
            guard reusable, channel.isActive, !state.isShutdown || list[index].inFlight > 0 else {
                list.remove(at: index)
                return (true, false)
            }
            guard list[index].inFlight == 0 else { return (false, false) }
            let idle = list.reduce(0) { $0 + ($1.inFlight == 0 ? 1 : 0) }
            if idle > configuration.maximumIdlePerHost {
                list.remove(at: index)
                return (true, false)
            }
            // The most recently idle connection is taken first (one at a time): keep the list in that order.
            var entry = list.remove(at: index)
            entry.since = now
            list.append(entry)
            return (false, state.sweeper == nil)
        }
        if close { channel.close(promise: nil) }
        if startSweeper { startSweeping() }
    }

    /// Records a new connection carrying its first exchange.
    private func track(_ connection: PlainHTTPConnection, key: HostKey, exclusive: Bool) -> Bool {
        state.withLock { state in
            guard !state.isShutdown else { return false }
            state.connections[key, default: []].append(Tracked(connection: connection, inFlight: 1, since: .now(), exclusive: exclusive))
            return true
        }
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
            for (key, list) in state.connections {
                let isExpired: (Tracked) -> Bool = { $0.inFlight == 0 && $0.since <= oldest }
                guard list.contains(where: isExpired) else { continue }
                expired += list.filter(isExpired).map(\.connection.channel)
                state.connections[key] = list.filter { !isExpired($0) }
            }
            return expired
        }
        for channel in expired { channel.close(promise: nil) }
    }

    private func connect(_ key: HostKey, exclusive: Bool, deadline: NIODeadline) async throws(RegistryTransportError) -> PlainHTTPConnection {
        let remaining = deadline - .now()
        guard remaining > .zero else { throw .timeout }
        let cutByDeadline = remaining < configuration.connectTimeout
        let depth = configuration.pipelineDepth
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(min(remaining, configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(PlainHTTPExchangeHandler(depth: depth))
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
            let connection = PlainHTTPConnection(channel: channel)
            guard track(connection, key: key, exclusive: exclusive) else {
                channel.close(promise: nil)
                throw RegistryTransportError.shutdown
            }
            return connection
        } catch let error as RegistryTransportError {
            throw error
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
