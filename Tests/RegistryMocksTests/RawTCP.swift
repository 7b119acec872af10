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

    /// Connects to 127.0.0.1:`port` (``TestHTTP/connectedSocket(port:timeout:)``), writes `request` and reads once.
    static func exchange(port: Int, request: String, seconds: Int = 5) throws -> Outcome {
        let fd = try TestHTTP.connectedSocket(port: port, timeout: Double(seconds))
        defer { close(fd) }
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else { return .failed(errno) }
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
