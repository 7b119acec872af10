import Hummingbird
import NIOCore

/// The request context of every mock: Hummingbird's core storage plus the connection, which the
/// ``FaultMode/connectionReset`` and ``FaultMode/hang`` faults close without answering.
struct MockRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client connection the request arrived on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Requests up to 4 MiB are read (each mock applies its own, smaller, limit).
    var maxUploadSize: Int { 4 << 20 }
}
