import NIOCore
import NIOHTTP1

/// Runs one exchange at a time on a kept-alive HTTP/1.1 connection: writes the request, collects the whole
/// response, and fails the exchange (closing the connection) on the deadline, a broken connection, an oversized
/// body or a cancellation.
final class PlainHTTPExchangeHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = PlainHTTPExchange
    typealias OutboundOut = HTTPClientRequestPart

    private struct InFlight {
        var promise: EventLoopPromise<PlainHTTPAnswer>
        var id: ObjectIdentifier
        var maximumResponseBytes: Int
        var timeout: Scheduled<Void>?
        var head: HTTPResponseHead?
        var body: ByteBuffer?
        var receivedAnything = false
    }

    private var inFlight: InFlight?
    /// Exchanges this connection has completed.
    private var completed = 0

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard inFlight == nil, context.channel.isActive else {
            exchange.promise.fail(completed > 0 ? PlainHTTPFailure.closedBeforeAnswer : PlainHTTPFailure.transport(.connection))
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let timeout = context.eventLoop.scheduleTask(deadline: exchange.deadline) {
            let (handler, context) = loopBound.value
            handler.fail(.transport(.timeout), context: context)
        }
        inFlight = InFlight(
            promise: exchange.promise, id: ObjectIdentifier(exchange.promise.futureResult), maximumResponseBytes: exchange.maximumResponseBytes,
            timeout: timeout)
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        if let body = exchange.body {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        if let cancel = event as? PlainHTTPCancel {
            // A cancellation that arrives after its exchange ended must not close a connection the pool may reuse.
            if inFlight?.id == cancel.exchange { fail(.transport(.cancelled), context: context) }
            promise?.succeed()
            return
        }
        context.triggerUserOutboundEvent(event, promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard var current = inFlight else { return }
        current.receivedAnything = true
        switch unwrapInboundIn(data) {
        case .head(let head):
            current.head = head
            inFlight = current
        case .body(var part):
            if (current.body?.readableBytes ?? 0) + part.readableBytes > current.maximumResponseBytes {
                fail(.transport(.responseTooLarge), context: context)
                return
            }
            if current.body == nil {
                current.body = part
            } else {
                current.body!.writeBuffer(&part)
            }
            inFlight = current
        case .end:
            inFlight = nil
            current.timeout?.cancel()
            guard let head = current.head else {
                current.promise.fail(PlainHTTPFailure.transport(.connection))
                context.close(promise: nil)
                return
            }
            completed += 1
            var headers: [(name: String, value: String)] = []
            headers.reserveCapacity(head.headers.count)
            for header in head.headers { headers.append((name: header.name, value: header.value)) }
            let body = current.body.map { Array(buffer: $0) } ?? []
            let reusable = head.isKeepAlive && context.channel.isActive
            current.promise.succeed(
                PlainHTTPAnswer(response: RegistryResponse(status: Int(head.status.code), headers: headers, body: body), reusable: reusable))
            if !reusable { context.close(promise: nil) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(brokenConnection(), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(brokenConnection(), context: context)
    }

    /// A connection that broke: before any byte of the answer to a request on a kept-alive connection, the request
    /// may be sent again; otherwise a connection error.
    private func brokenConnection() -> PlainHTTPFailure {
        guard let current = inFlight, !current.receivedAnything, completed > 0 else { return .transport(.connection) }
        return .closedBeforeAnswer
    }

    private func fail(_ failure: PlainHTTPFailure, context: ChannelHandlerContext) {
        if let current = inFlight {
            inFlight = nil
            current.timeout?.cancel()
            current.promise.fail(failure)
        }
        context.close(promise: nil)
    }
}
