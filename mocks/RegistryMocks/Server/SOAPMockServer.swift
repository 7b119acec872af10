import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle

/// The HTTP server of one SOAP mock (a SwiftNIO server, not Hummingbird; see ``SOAPMockHTTPHandler``), run as a
/// service of the mocks' `ServiceGroup`.
///
/// Graceful shutdown stops accepting, closes idle connections and the others after their answer; cancellation
/// closes every connection at once.
struct SOAPMockServer: Service {
    let service: SyncChannelService
    let host: String
    let port: Int
    /// The event loops the server and its connections run on (owned by the caller).
    let group: any EventLoopGroup
    /// Called once with the bound port.
    let onRunning: @Sendable (Int) -> Void
    let logger: Logger

    func run() async throws {
        let connections = SOAPMockConnections()
        let service = self.service
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 4)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(SOAPMockHTTPHandler(service: service, connections: connections))
                }
            }
            .bind(host: host, port: port)
            .get()
        onRunning(server.localAddress?.port ?? port)
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                try? await server.closeFuture.get()
            } onGracefulShutdown: {
                server.close(promise: nil)
                connections.quiesce()
            }
        } onCancel: {
            server.close(promise: nil)
            connections.closeAll()
        }
        // Connections still answering finish (a cancellation of this task closes them).
        while !connections.isEmpty {
            if Task.isCancelled {
                connections.closeAll()
                break
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        logger.debug("qorgan.mocks.server.stopped", metadata: ["qorgan.registry": "\(service.name)"])
    }
}
