import NIOCore
import NIOHTTP1

/// One request handed to a ``PlainHTTPConnection``'s channel, with the promise its answer completes.
struct PlainHTTPExchange: Sendable {
    /// The request head (method, target, headers with `Host` and `Content-Length`).
    var head: HTTPRequestHead
    /// The request body.
    var body: ByteBuffer?
    /// The largest response body accepted; more fails the exchange with ``RegistryTransportError/responseTooLarge``.
    var maximumResponseBytes: Int
    /// When the whole exchange must be over (``RegistryTransportError/timeout`` then).
    var deadline: NIODeadline
    /// Completed with the answer, or failed with a ``PlainHTTPFailure``.
    var promise: EventLoopPromise<PlainHTTPAnswer>
}

/// A complete answer and whether its connection may carry another request.
struct PlainHTTPAnswer: Sendable {
    /// The response.
    var response: RegistryResponse
    /// `false` for `Connection: close`, HTTP/1.0 without keep-alive, or a connection that is no longer open.
    var reusable: Bool
}

/// Why an exchange failed.
enum PlainHTTPFailure: Error, Sendable {
    /// The transport error the caller sees.
    case transport(RegistryTransportError)
    /// A kept-alive connection closed before any byte of the answer arrived: the server most likely closed it
    /// while idle, and the request can be sent again on a new connection if it is idempotent.
    case closedBeforeAnswer
}

/// Cancels one exchange (a user outbound event): if it is still in flight it fails with
/// ``RegistryTransportError/cancelled`` and the connection closes; otherwise the event is ignored.
struct PlainHTTPCancel: Sendable {
    /// The exchange: its promise's future.
    var exchange: ObjectIdentifier
}
