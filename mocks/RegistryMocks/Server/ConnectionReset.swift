import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Ends a connection the way a crashed server or a middlebox does for the ``FaultMode/connectionReset`` fault: with a
/// TCP reset (RST), so the client reads `ECONNRESET`, not an orderly end of stream.
enum ConnectionReset {
    /// Closes `channel` with SO_LINGER set to zero (which makes `close` send RST); an ordinary close where the
    /// channel has no socket options.
    static func reset(_ channel: any Channel) {
        guard let socket = channel as? any SocketOptionProvider else {
            channel.close(mode: .all, promise: nil)
            return
        }
        socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in
            channel.close(mode: .all, promise: nil)
        }
    }
}
