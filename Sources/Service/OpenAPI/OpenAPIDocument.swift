import Foundation
public import Hummingbird

/// The gateway's OpenAPI 3.1 document, `openapi.yaml`, shipped as a package resource and served at
/// `GET /openapi.yaml` (`application/yaml`). ``operations`` lists the (method, path template) pairs it documents,
/// so tests can hold it against the routes a router really serves (``OpenAPICoverage``).
public struct OpenAPIDocument: Sendable {
    /// The document's text.
    public let text: String

    /// A document from its text.
    public init(text: String) {
        self.text = text
    }

    /// The media type it is served with.
    public static let mediaType = "application/yaml"

    /// The document bundled with the module.
    ///
    /// - Throws: ``ServiceError`` when the resource is missing (a packaging fault).
    public static func bundled() throws(ServiceError) -> OpenAPIDocument {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let data = try? Data(contentsOf: url)
        else { throw .resource("openapi.yaml") }
        return OpenAPIDocument(text: String(decoding: data, as: UTF8.self))
    }

    /// The documented operations: every HTTP method key under every path of `paths`.
    ///
    /// Reads the block YAML the document is written in (two-space indentation: paths at 2, methods at 4);
    /// flow-style `paths` are not supported.
    public var operations: Set<RouteTable.Route> {
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var result: Set<RouteTable.Route> = []
        var inPaths = false
        var currentPath: String?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indent = line.count - trimmed.count
            if indent == 0 {
                inPaths = trimmed.hasPrefix("paths:")
                currentPath = nil
                continue
            }
            guard inPaths else { continue }
            if indent == 2, trimmed.hasSuffix(":") {
                var path = String(trimmed.dropLast())
                if path.count >= 2, path.first == path.last, path.first == "'" || path.first == "\"" {
                    path = String(path.dropFirst().dropLast())
                }
                currentPath = path
            } else if indent == 4, let path = currentPath, let colon = trimmed.firstIndex(of: ":") {
                let key = trimmed[..<colon].lowercased()
                if methods.contains(key) {
                    result.insert(RouteTable.Route(method: HTTPRequest.Method(key.uppercased())!, path: path))
                }
            }
        }
        return result
    }

    /// The response serving the document.
    public func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = Self.mediaType
        let buffer = ByteBuffer(string: text)
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }
}
