import NIOCore
import NIOHTTP1

/// Runs the exchanges of one kept-alive HTTP/1.1 connection: writes each request, collects each whole response in
/// order, and fails an exchange (closing the connection) on its deadline, a broken connection, an oversized body or a
/// cancellation.
///
/// With a pipeline depth of 1 (the default) a connection carries one exchange at a time and every request is flushed
/// at once. With a larger depth up to that many requests are in flight on the connection (HTTP/1.1 pipelining, RFC 9112
/// §9.3.2: answered in order), and the requests written during one turn of the event loop go out in one flush. When a
/// pipelined exchange fails, the connection closes, and the exchanges queued behind it, of which no byte arrived, fail
/// with ``PlainHTTPFailure/closedBeforeAnswer`` (an idempotent one is sent again on a new connection).
final class PlainHTTPExchangeHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = PlainHTTPExchange
    typealias OutboundOut = HTTPClientRequestPart

    private struct InFlight {
        var promise: EventLoopPromise<PlainHTTPAnswer>
        var id: ObjectIdentifier
        var maximumResponseBytes: Int
        var timeout: Scheduled<Void>?
    }

    /// Requests written and not yet answered, oldest (the one being answered) first.
    private var queue: [InFlight] = []
    /// The answer of `queue[0]` so far.
    private var head: HTTPResponseHead?
    private var body: ByteBuffer?
    private var receivedAnything = false
    /// Exchanges this connection has completed.
    private var completed = 0
    /// Requests that may be in flight at once.
    private let depth: Int
    /// A flush is scheduled for the end of this turn of the event loop (pipelining only).
    private var flushScheduled = false

    /// Creates a handler carrying up to `depth` exchanges at once (1: no pipelining).
    init(depth: Int = 1) {
        self.depth = max(1, depth)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard queue.count < depth, context.channel.isActive else {
            exchange.promise.fail(completed > 0 || !queue.isEmpty ? PlainHTTPFailure.closedBeforeAnswer : PlainHTTPFailure.transport(.connection))
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        let id = ObjectIdentifier(exchange.promise.futureResult)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let timeout = context.eventLoop.scheduleTask(deadline: exchange.deadline) {
            let (handler, context) = loopBound.value
            handler.fail(id, with: .transport(.timeout), context: context)
        }
        queue.append(InFlight(promise: exchange.promise, id: id, maximumResponseBytes: exchange.maximumResponseBytes, timeout: timeout))
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        if let body = exchange.body {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        context.write(wrapOutboundOut(.end(nil)), promise: promise)
    }

    func flush(context: ChannelHandlerContext) {
        guard depth > 1 else {
            context.flush()
            return
        }
        // Requests written in this turn of the event loop (by other calls' tasks too) leave in one write.
        guard !flushScheduled else { return }
        flushScheduled = true
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let (handler, context) = loopBound.value
            handler.flushScheduled = false
            context.flush()
        }
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        if let cancel = event as? PlainHTTPCancel {
            // A cancellation that arrives after its exchange ended must not close a connection the pool may reuse.
            fail(cancel.exchange, with: .transport(.cancelled), context: context)
            promise?.succeed()
            return
        }
        context.triggerUserOutboundEvent(event, promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let current = queue.first else { return }
        receivedAnything = true
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            head = responseHead
        case .body(var part):
            if (body?.readableBytes ?? 0) + part.readableBytes > current.maximumResponseBytes {
                fail(current.id, with: .transport(.responseTooLarge), context: context)
                return
            }
            if body == nil {
                body = part
            } else {
                body!.writeBuffer(&part)
            }
        case .end:
            queue.removeFirst()
            current.timeout?.cancel()
            let (responseHead, responseBody) = (head, body)
            (head, body, receivedAnything) = (nil, nil, false)
            guard let responseHead else {
                current.promise.fail(PlainHTTPFailure.transport(.connection))
                failAll(.closedBeforeAnswer, context: context)
                return
            }
            completed += 1
            var headers: [(name: String, value: String)] = []
            headers.reserveCapacity(responseHead.headers.count)
            for header in responseHead.headers { headers.append((name: header.name, value: header.value)) }
            let bytes = responseBody.map { Array(buffer: $0) } ?? []
            let reusable = responseHead.isKeepAlive && context.channel.isActive
            current.promise.succeed(
                PlainHTTPAnswer(
                    response: RegistryResponse(status: Int(responseHead.status.code), headers: headers, body: bytes), reusable: reusable))
            // A server that closes after this answer never reads the requests queued behind it.
            if !reusable { failAll(.closedBeforeAnswer, context: context) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(brokenConnection(), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(brokenConnection(), context: context)
    }

    /// A connection that broke: before any byte of the answer to a request on a kept-alive connection, the request
    /// may be sent again; otherwise a connection error.
    private func brokenConnection() -> PlainHTTPFailure {
        guard !queue.isEmpty, !receivedAnything, completed > 0 else { return .transport(.connection) }
        return .closedBeforeAnswer
    }

    /// Fails exchange `id` (if it is still in flight) with `failure` and closes the connection; the exchanges queued
    /// behind it, unanswered, may be sent again.
    private func fail(_ id: ObjectIdentifier, with failure: PlainHTTPFailure, context: ChannelHandlerContext) {
        guard let index = queue.firstIndex(where: { $0.id == id }) else { return }
        let target = queue.remove(at: index)
        target.timeout?.cancel()
        target.promise.fail(failure)
        // The one being answered, if it is not the target, has lost its answer mid-way or before it began.
        let first = index == 0 ? nil : queue.first
        if let first {
            queue.removeFirst()
            first.timeout?.cancel()
            first.promise.fail(receivedAnything ? PlainHTTPFailure.transport(.connection) : PlainHTTPFailure.closedBeforeAnswer)
        }
        failAll(.closedBeforeAnswer, context: context)
    }

    /// Fails the first exchange with `failure` and the rest with ``PlainHTTPFailure/closedBeforeAnswer``, and closes
    /// the connection.
    private func failAll(_ failure: PlainHTTPFailure, context: ChannelHandlerContext) {
        let failing = queue
        queue = []
        (head, body, receivedAnything) = (nil, nil, false)
        for (index, exchange) in failing.enumerated() {
            exchange.timeout?.cancel()
            exchange.promise.fail(index == 0 ? failure : PlainHTTPFailure.closedBeforeAnswer)
        }
        context.close(promise: nil)
    }
}
