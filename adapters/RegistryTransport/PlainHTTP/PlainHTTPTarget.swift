/// Where a plain-HTTP registry request goes: host, port and request target, read from an `http://` URL.
struct PlainHTTPTarget: Sendable, Hashable {
    /// The host name or address, without brackets.
    var host: String
    /// The TCP port (80 when the URL names none).
    var port: Int
    /// The `Host` header value.
    var authority: String
    /// The request target: path and query (`/` when the URL has no path).
    var path: String

    /// The target of `url`, or `nil` when it is not a well-formed `http://` URL (HTTPS and the rest go elsewhere).
    init?(url: String) {
        let scheme = "http://"
        guard url.utf8.count > scheme.utf8.count, url.lowercased().hasPrefix(scheme) else { return nil }
        let rest = url.dropFirst(scheme.count)
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = String(rest[..<authorityEnd])
        var target = String(rest[authorityEnd...])
        if let fragment = target.firstIndex(of: "#") { target = String(target[..<fragment]) }
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        guard !authority.isEmpty, !authority.contains("@"), !target.contains(" ") else { return nil }

        var host = authority
        var port = 80
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let value = Int(after.dropFirst()) else { return nil }
                port = value
            }
        } else if let colon = authority.lastIndex(of: ":") {
            guard let value = Int(authority[authority.index(after: colon)...]) else { return nil }
            host = String(authority[..<colon])
            port = value
        }
        guard !host.isEmpty, (1...65_535).contains(port) else { return nil }
        self.host = host
        self.port = port
        self.authority = authority
        self.path = target
    }
}
