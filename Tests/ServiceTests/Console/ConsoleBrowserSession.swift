import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A cookie jar and form helper over HummingbirdTesting's client: what a browser does with the console's cookies.
struct ConsoleClientSession {
    var cookies: [String: String] = [:]

    /// The `Cookie` header for the jar.
    var headers: HTTPFields {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return headers
    }

    /// Keeps the response's `Set-Cookie`s (an empty value or `Max-Age=0` deletes).
    mutating func store(_ response: TestResponse) {
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies.removeValue(forKey: name) } else { cookies[name] = value }
        }
    }

    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers)
    }

    mutating func getStoring(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        let response = try await get(client, uri)
        store(response)
        return response
    }

    /// POSTs a form (`application/x-www-form-urlencoded`).
    mutating func post(_ client: some TestClientProtocol, _ uri: String, form: [String: String]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = form.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        store(response)
        return response
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// The value of the first hidden `csrf` field on a page.
    static func csrf(in html: String) -> String? {
        html.firstMatch(of: /name="csrf" value="([^"]+)"/).map { String($0.output.1) }
    }

    /// Logs in with `key` as a browser would: the form (for its token and cookie), then the POST.
    mutating func login(_ client: some TestClientProtocol, key: String) async throws -> TestResponse {
        let form = try await getStoring(client, "/console/login")
        let token = try #require(Self.csrf(in: String(buffer: form.body)))
        return try await post(client, "/console/login", form: ["csrf": token, "key": key, "next": "/console/reviews"])
    }
}
