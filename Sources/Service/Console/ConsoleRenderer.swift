import Foundation
import Hummingbird
import NIOCore
import Mustache
import Storage

/// Renders the console's pages from the embedded templates (``ConsoleTemplates``) into HTML responses with the
/// console's security headers: a strict Content-Security-Policy (scripts and styles from `/console/assets` only, no
/// inline script), `nosniff`, no framing, no caching, no referrer.
struct ConsoleRenderer: Sendable {
    let library: MustacheLibrary

    /// Parses every template; a template that does not parse is a programming error caught by the tests.
    init() {
        var library = MustacheLibrary()
        for (name, text) in ConsoleTemplates.all {
            do { try library.register(text, named: name) } catch { preconditionFailure("console template \(name) does not parse: \(error)") }
        }
        self.library = library
    }

    /// The values every page has: strings, language, the user and the CSRF token, the current path for the language switch.
    static func base(session: ConsoleSession?, language: ConsoleLanguage, path: String) -> [String: Any] {
        var values: [String: Any] = [
            "t": ConsoleStrings.all(language), "lang": language.rawValue, "langRu": language == .ru, "langKk": language == .kk,
            "next": queryValue(path),
        ]
        if let session {
            let role = session.client.role == .operator ? "roleOperator" : "roleAuditor"
            values["user"] = ["name": session.client.name, "roleLabel": ConsoleStrings.text(role, language)]
            values["csrf"] = session.csrfToken
            values["canWrite"] = ConsoleGate.writers.contains(session.client.role)
        }
        return values
    }

    /// The page `template` rendered with `values` (merged over ``base(session:language:path:)``).
    func page(
        _ template: String, title: String, values: [String: Any], session: ConsoleSession?, language: ConsoleLanguage, path: String,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var all = Self.base(session: session, language: language, path: path)
        all["title"] = title
        for (key, value) in values { all[key] = value }
        let html = library.render(all, withTemplate: template) ?? ""
        return Self.response(html, contentType: "text/html; charset=utf-8", status: status)
    }

    /// A response with the console's headers.
    static func response(_ text: String, contentType: String, status: HTTPResponse.Status = .ok, cache: Bool = false) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = cache ? "max-age=300" : "no-store"
        headers[HTTPFields.Element.Name("Content-Security-Policy")!] =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
        headers[HTTPFields.Element.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPFields.Element.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPFields.Element.Name("Referrer-Policy")!] = "no-referrer"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `text` percent-encoded for a query value (everything but the unreserved ASCII characters).
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// 303 to `location`.
    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }

    /// A small JSON answer for the console's scripts.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return response(text, contentType: "application/json; charset=utf-8", status: status)
    }
}
