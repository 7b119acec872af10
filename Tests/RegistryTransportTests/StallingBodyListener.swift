import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback HTTP server that answers every connection with a response head and the first bytes of a body
/// announced as longer, then goes silent with the connection open — a registry that stalls mid-body.
final class StallingBodyListener: @unchecked Sendable {  // the descriptors are only touched by the accept thread and deinit
    let port: Int
    private let listener: SilentListener
    private let accepted = NSLock()
    private var connections: [Int32] = []

    init() throws {
        listener = try SilentListener()
        port = listener.port
        let descriptor = listener.descriptor
        let thread = Thread { [weak self] in
            while true {
                let connection = accept(descriptor, nil, nil)
                guard connection >= 0 else { return }
                guard let self else {
                    close(connection)
                    return
                }
                self.accepted.withLock { self.connections.append(connection) }
                var buffer = [UInt8](repeating: 0, count: 8_192)
                _ = read(connection, &buffer, buffer.count)
                let head = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 4096\r\n\r\n<soap:Envelope"
                _ = head.withCString { write(connection, $0, strlen($0)) }
            }
        }
        thread.start()
    }

    deinit {
        accepted.withLock { connections.forEach { close($0) } }
        shutdown(listener.descriptor, Int32(SHUT_RDWR))
    }
}
