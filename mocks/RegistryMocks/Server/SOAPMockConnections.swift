import NIOCore
import Synchronization

/// The open connections of one ``SOAPMockServer``, so that stopping it can close idle ones at once and the rest
/// after their answer (or, past the grace period, all of them).
final class SOAPMockConnections: Sendable {
    /// Sent to every connection when the server stops: close when idle.
    struct Quiesce: Sendable {}

    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var quiescing = false
    }

    private let state = Mutex(State())

    /// Registers a connection; `true` when the server is already stopping (the connection should close when idle).
    func add(_ channel: any Channel) -> Bool {
        state.withLock { state in
            state.channels[ObjectIdentifier(channel)] = channel
            return state.quiescing
        }
    }

    func remove(_ channel: any Channel) {
        state.withLock { _ = $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Asks every connection, and every one added later, to close once its request in flight is answered.
    func quiesce() {
        let open = state.withLock { state in
            state.quiescing = true
            return Array(state.channels.values)
        }
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(Quiesce())
        }
    }

    /// Closes every connection now.
    func closeAll() {
        for channel in state.withLock({ Array($0.channels.values) }) {
            channel.close(promise: nil)
        }
    }

    /// Whether no connection is open.
    var isEmpty: Bool { state.withLock { $0.channels.isEmpty } }
}
