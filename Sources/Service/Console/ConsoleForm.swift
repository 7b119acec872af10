import Foundation
import Hummingbird
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body (the console's forms).
struct ConsoleForm: Sendable {
    /// Field values by name (the last wins when repeated).
    let fields: [String: String]

    /// Parses `text` (`a=1&b=x+y%21`).
    init(parsing text: String) {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        self.fields = fields
    }

    /// Reads and parses a request's body (at most `limit` bytes).
    static func read(_ request: Request, limit: Int) async throws -> ConsoleForm {
        let buffer = try await request.body.collect(upTo: limit)
        return ConsoleForm(parsing: String(buffer: buffer))
    }

    /// A field, trimmed; `nil` when absent or blank.
    subscript(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
