import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
import XMLSupport
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client for the tests over a plain socket (`Connection: close`), talking to 127.0.0.1 only.
///
/// Not URLSession: on Linux, swift-corelibs-foundation's URLSession can stall on a 401 carrying `WWW-Authenticate`,
/// which the health mock sends.
enum TestHTTP {
    struct Result: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    struct HTTPFailure: Error, CustomStringConvertible {
        let description: String
    }

    static func send(
        _ method: String, _ url: String, body: Data? = nil, headers: [String: String] = [:], timeout: TimeInterval = 10
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try blockingSend(method, url, body: body, headers: headers, timeout: timeout) })
            }
        }
    }

    /// A blocking TCP socket connected to 127.0.0.1:`port`, reads and writes timing out after `timeout` seconds; the
    /// caller closes it.
    static func connectedSocket(port: Int, timeout: TimeInterval) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw HTTPFailure(description: "socket") }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw HTTPFailure(description: "connect failed")
        }
        return descriptor
    }

    private static func blockingSend(_ method: String, _ url: String, body: Data?, headers: [String: String], timeout: TimeInterval) throws -> Result {
        guard let components = URLComponents(string: url), components.host == "127.0.0.1", let port = components.port else {
            throw HTTPFailure(description: "tests talk to http://127.0.0.1:PORT only")
        }
        let target = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        let descriptor = try connectedSocket(port: port, timeout: timeout)
        defer { close(descriptor) }

        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        head += "Content-Length: \(body?.count ?? 0)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        var request = Array(head.utf8)
        if let body { request += Array(body) }
        var written = 0
        while written < request.count {
            let count = request[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw HTTPFailure(description: "write failed") }
            written += count
        }

        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if response.isEmpty { throw HTTPFailure(description: errno == EAGAIN ? "timed out" : "connection reset") }
                break
            }
            response += buffer[0..<count]
        }
        return try parse(response)
    }

    private static func parse(_ bytes: [UInt8]) throws -> Result {
        guard let end = bytes.indices.first(where: { index in
            index + 3 < bytes.count && bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10
        }) else { throw HTTPFailure(description: bytes.isEmpty ? "connection closed without a response" : "no header end") }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw HTTPFailure(description: "bad status line") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if headers.first(where: { $0.key.lowercased() == "transfer-encoding" })?.value.lowercased() == "chunked" {
            var decoded: [UInt8] = []
            var cursor = 0
            while let lineEnd = body[cursor...].indices.first(where: { $0 + 1 < body.count && body[$0] == 13 && body[$0 + 1] == 10 }),
                let size = Int(String(decoding: body[cursor..<lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16), size > 0
            {
                decoded += body[(lineEnd + 2)..<min(body.count, lineEnd + 2 + size)]
                cursor = lineEnd + 2 + size + 2
                if cursor >= body.count { break }
            }
            body = decoded
        }
        return Result(status: status, headers: headers, body: Data(body))
    }

    static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    }

    static func object(_ data: Data) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
    }
}
