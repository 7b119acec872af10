import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback HTTP/1.1 server that answers each request on a connection with the next of a fixed list of replies,
/// counting the connections it accepts: enough to see whether a client keeps connections alive, and what it does
/// when the server closes one.
final class ScriptedListener: @unchecked Sendable {  // the counters sit behind `lock`; descriptors belong to their threads
    /// What the server does for one request.
    enum Reply: Sendable {
        /// Answers 200 with `body` (and `Connection: close` when `close`), then keeps the connection open unless `close`.
        case ok(body: String, close: Bool = false)
        /// Answers 200 with `body`, then closes the connection without saying so.
        case okThenDrop(body: String)
        /// Reads the request and closes the connection without answering.
        case dropWithoutAnswer
    }

    let port: Int
    private let listener: SilentListener
    private let lock = NSLock()
    private var acceptedCount = 0
    private var requestCount = 0
    private var closedCount = 0

    /// Connections accepted so far.
    var accepted: Int { lock.withLock { acceptedCount } }
    /// Requests read so far.
    var requests: Int { lock.withLock { requestCount } }
    /// Connections the client closed while the server waited for a request.
    var closed: Int { lock.withLock { closedCount } }

    /// `replies` is used for each connection from its start; past its end a connection is closed.
    init(replies: [Reply]) throws {
        listener = try SilentListener()
        port = listener.port
        let descriptor = listener.descriptor
        Thread { [weak self] in
            while true {
                let connection = accept(descriptor, nil, nil)
                guard connection >= 0 else { return }
                guard let self else {
                    close(connection)
                    return
                }
                self.lock.withLock { self.acceptedCount += 1 }
                Thread { self.serve(connection, replies: replies) }.start()
            }
        }.start()
    }

    private func serve(_ connection: Int32, replies: [Reply]) {
        defer { close(connection) }
        var pending: [UInt8] = []
        for reply in replies {
            // Read one request: the head, then Content-Length bytes of body.
            while true {
                if let end = Self.headEnd(pending) {
                    let head = String(decoding: pending[..<end], as: UTF8.self).lowercased()
                    let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                        .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                    if pending.count >= end + 4 + length {
                        pending.removeFirst(end + 4 + length)
                        break
                    }
                }
                var buffer = [UInt8](repeating: 0, count: 16_384)
                let count = read(connection, &buffer, buffer.count)
                guard count > 0 else {
                    lock.withLock { closedCount += 1 }
                    return
                }
                pending += buffer[0..<count]
            }
            lock.withLock { requestCount += 1 }
            let (body, announceClose, drop): (String, Bool, Bool)
            switch reply {
            case .ok(let text, let close): (body, announceClose, drop) = (text, close, close)
            case .okThenDrop(let text): (body, announceClose, drop) = (text, false, true)
            case .dropWithoutAnswer: return
            }
            var answer = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n"
            if announceClose { answer += "Connection: close\r\n" }
            answer += "\r\n" + body
            let bytes = Array(answer.utf8)
            _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
            if drop { return }
        }
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    deinit { shutdown(listener.descriptor, Int32(SHUT_RDWR)) }
}
