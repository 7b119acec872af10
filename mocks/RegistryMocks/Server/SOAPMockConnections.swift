import NIOCore
import Synchronization

/// The open connections of one ``SOAPMockServer``, so that stopping it can close idle ones at once and the rest
/// after their answer (or, past the grace period, all of them).
final class SOAPMockConnections: Sendable {
    /// Sent to every connection when the server stops: close when idle.
    struct Quiesce: Sendable {}

    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

    func add(_ channel: any Channel) {
        channels.withLock { $0[ObjectIdentifier(channel)] = channel }
    }

    func remove(_ channel: any Channel) {
        channels.withLock { $0[ObjectIdentifier(channel)] = nil }
    }

    /// Asks every connection to close once its request in flight is answered.
    func quiesce() {
        for channel in channels.withLock({ Array($0.values) }) {
            channel.pipeline.fireUserInboundEventTriggered(Quiesce())
        }
    }

    /// Closes every connection now.
    func closeAll() {
        for channel in channels.withLock({ Array($0.values) }) {
            channel.close(promise: nil)
        }
    }

    /// Whether no connection is open.
    var isEmpty: Bool { channels.withLock { $0.isEmpty } }
}
