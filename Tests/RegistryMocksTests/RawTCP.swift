#if canImport(Glibc)
import Glibc
#endif

/// One request over a plain loopback socket, to see how the server ends the connection (what an HTTP client hides).
enum RawTCP {
    /// How the connection ended after the request.
    enum Outcome: Equatable {
        /// Bytes arrived (an answer).
        case answered
        /// An orderly end of stream (FIN) before any byte.
        case closed
        /// A reset (RST): `ECONNRESET`.
        case reset
        /// Nothing within the timeout.
        case timedOut
        /// Another error, by `errno`.
        case failed(Int32)
    }

    struct SocketError: Error {
        let call: String
        let code: Int32
    }

    /// Connects to 127.0.0.1:`port`, writes `request` and reads once (at most `seconds` seconds).
    static func exchange(port: Int, request: String, seconds: Int = 5) throws -> Outcome {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(call: "socket", code: errno) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw SocketError(call: "connect", code: errno) }
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else { throw SocketError(call: "send", code: errno) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let received = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if received > 0 { return .answered }
        if received == 0 { return .closed }
        switch errno {
        case ECONNRESET: return .reset
        case EAGAIN, EWOULDBLOCK: return .timedOut
        default: return .failed(errno)
        }
    }
}
