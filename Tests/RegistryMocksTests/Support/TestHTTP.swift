import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
import XMLSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal HTTP client for the tests (URLSession), talking to 127.0.0.1 only.
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

    static func send(
        _ method: String, _ url: String, body: Data? = nil, headers: [String: String] = [:], timeout: TimeInterval = 10
    ) async throws -> Result {
        let target = try #require(URL(string: url))
        precondition(target.host == "127.0.0.1", "tests talk to loopback only")
        var request = URLRequest(url: target, timeoutInterval: timeout)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { fields[key] = value }
        }
        return Result(status: http.statusCode, headers: fields, body: data)
    }

    static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    }

    static func object(_ data: Data) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
    }
}
