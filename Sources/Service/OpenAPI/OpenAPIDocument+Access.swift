public import Hummingbird

/// Who may call one documented operation, as `openapi.yaml` states it.
public enum OperationAccess: Sendable, Hashable {
    /// `security: []`: no key needed.
    case open
    /// `x-roles: [...]`: an API key with one of these roles (raw values, e.g. `provider-admin`).
    case roles(Set<String>)
}

extension OpenAPIDocument {
    /// Each documented operation's access rule: `security: []` → ``OperationAccess/open``, `x-roles` →
    /// ``OperationAccess/roles(_:)``. An operation with neither is absent (the document then fails the
    /// authorization matrix check, which is the point).
    ///
    /// Reads the same block YAML as ``operations`` (paths at indent 2, methods at 4, operation keys at 6).
    public var operationAccess: [RouteTable.Route: OperationAccess] {
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var result: [RouteTable.Route: OperationAccess] = [:]
        var inPaths = false
        var currentPath: String?
        var currentRoute: RouteTable.Route?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indent = line.count - trimmed.count
            if indent == 0 {
                inPaths = trimmed.hasPrefix("paths:")
                currentPath = nil
                currentRoute = nil
                continue
            }
            guard inPaths else { continue }
            if indent == 2, trimmed.hasSuffix(":") {
                var path = String(trimmed.dropLast())
                if path.count >= 2, path.first == path.last, path.first == "'" || path.first == "\"" {
                    path = String(path.dropFirst().dropLast())
                }
                currentPath = path
                currentRoute = nil
            } else if indent == 4, let path = currentPath, let colon = trimmed.firstIndex(of: ":") {
                let key = trimmed[..<colon].lowercased()
                currentRoute = methods.contains(key) ? RouteTable.Route(method: HTTPRequest.Method(key.uppercased())!, path: path) : nil
            } else if indent == 6, let route = currentRoute {
                if trimmed.hasPrefix("security:"), trimmed.dropFirst("security:".count).trimmingSpaces == "[]" {
                    result[route] = .open
                } else if trimmed.hasPrefix("x-roles:") {
                    let list = trimmed.dropFirst("x-roles:".count).trimmingSpaces
                    guard list.hasPrefix("["), list.hasSuffix("]") else { continue }
                    let roles = list.dropFirst().dropLast().split(separator: ",").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
                    result[route] = .roles(Set(roles))
                }
            }
        }
        return result
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
