import Hummingbird
import NIOCore
import NIOHTTP1

/// Serves one SOAP mock on one connection: `POST /` (`SendMessage`), `GET /` (`?wsdl`) and `/_control/faults`.
///
/// A look-up is answered on the connection's event loop, from the request's last byte to the response's, with no
/// task hand-offs: the mock is a benchmark counterpart sharing the gateway's two cores, and on Hummingbird it spent
/// 15–25 % more CPU per look-up (BENCHMARKS.md, mock registry section). Requests on one connection are answered in order
/// (`HTTPServerPipelineHandler` holds the next one until this one's response ends).
final class SOAPMockHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum Route {
        case sendMessage, describe, control, notFound
    }

    private let service: SyncChannelService
    private let connections: SOAPMockConnections
    private var head: HTTPRequestHead?
    /// The route of `head`, worked out once when the head arrives.
    private var route = Route.notFound
    private var body: ByteBuffer?
    private var bodyTooLarge = false
    /// A request is being answered (possibly after an injected delay); the connection is not idle.
    private var busy = false
    /// A flush is scheduled for the end of this turn of the event loop.
    private var flushScheduled = false
    private var quiescing = false

    init(service: SyncChannelService, connections: SOAPMockConnections) {
        self.service = service
        self.connections = connections
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if connections.add(context.channel) {
            // Accepted while the server stops: treated as idle, like the ones the stop found.
            quiescing = true
            let channel = context.channel
            context.eventLoop.execute { channel.close(promise: nil) }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        connections.remove(context.channel)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            route = Self.route(of: requestHead)
            body = nil
            bodyTooLarge = false
            busy = true
        case .body(var part):
            guard !bodyTooLarge else { return }
            let limit = route == .control ? ControlRoutes.maximumBodyBytes : service.maximumRequestBytes
            if (body?.readableBytes ?? 0) + part.readableBytes > limit {
                bodyTooLarge = true
                body = nil
            } else if body == nil {
                body = part
            } else {
                body!.writeBuffer(&part)
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            respond(to: requestHead, route: route, body: body ?? ByteBuffer(), context: context)
            body = nil
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is SOAPMockConnections.Quiesce {
            quiescing = true
            if !busy { context.close(promise: nil) }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private static func route(of head: HTTPRequestHead) -> Route {
        let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? head.uri
        switch (head.method, path) {
        case (.POST, "/"): return .sendMessage
        case (.GET, "/"): return .describe
        case (_, ControlRoutes.path): return .control
        default: return .notFound
        }
    }

    private func respond(to head: HTTPRequestHead, route: Route, body: ByteBuffer, context: ChannelHandlerContext) {
        switch route {
        case .describe:
            let query = head.uri.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init)
            write(service.describe(query: query, host: head.headers.first(name: "host")), for: head, context: context)
        case .control:
            let method = HTTPRequest.Method(rawValue: head.method.rawValue) ?? .get
            let reply = bodyTooLarge
                ? MockHTTPReply.problem(.contentTooLarge, title: "Request too large")
                : ControlRoutes.answer(method: method, body: Array(buffer: body), injector: service.injector) ?? .empty(.methodNotAllowed)
            write(reply, for: head, context: context)
        case .notFound:
            write(.problem(.notFound, title: "Not Found"), for: head, context: context)
        case .sendMessage:
            let decision = service.injector.decide()
            guard decision.delay > .zero else {
                return apply(FaultGate.verdict(decision), to: head, body: body, context: context)
            }
            let verdict = FaultGate.verdict(decision)
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: Self.timeAmount(decision.delay)) {
                let (handler, context) = loopBound.value
                handler.apply(verdict, to: head, body: body, context: context)
            }
        }
    }

    private func apply(_ verdict: FaultGate.Verdict, to head: HTTPRequestHead, body: ByteBuffer, context: ChannelHandlerContext) {
        switch verdict {
        case .reply(let reply):
            write(reply, for: head, context: context)
        case .close:
            ConnectionReset.reset(context.channel)
        case .hang(let duration):
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: Self.timeAmount(duration)) { loopBound.value.close(promise: nil) }
        case .proceed(let mode, let configuration):
            let reply = bodyTooLarge ? service.tooLarge() : service.reply(to: body, mode: mode, configuration: configuration)
            write(reply, for: head, context: context)
        }
    }

    private func write(_ reply: MockHTTPReply, for request: HTTPRequestHead, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders()
        for field in reply.headers { headers.add(name: field.name.rawName, value: field.value) }
        headers.add(name: "Content-Length", value: String(reply.body.count))
        let close = quiescing || !request.isKeepAlive
        if close { headers.add(name: "Connection", value: "close") }
        let responseHead = HTTPResponseHead(
            version: request.version, status: HTTPResponseStatus(statusCode: Int(reply.status.code), reasonPhrase: reply.status.reasonPhrase),
            headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        if !reply.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: reply.body)))), promise: nil)
        }
        busy = false
        if close {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        } else {
            // Pipelined requests read together are answered in one write: the flush waits for the end of this turn of
            // the event loop (`HTTPServerPipelineHandler` hands over the next request as this response ends).
            context.write(wrapOutboundOut(.end(nil)), promise: nil)
            scheduleFlush(context: context)
        }
    }

    private func scheduleFlush(context: ChannelHandlerContext) {
        guard !flushScheduled else { return }
        flushScheduled = true
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let (handler, context) = loopBound.value
            handler.flushScheduled = false
            context.flush()
        }
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
