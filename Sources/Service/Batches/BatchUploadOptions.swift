import Foundation

/// What an upload asked for, kept as the job record's `options` (JSON) so a job resumed after a restart runs with the
/// same settings. No personal data: the column mapping names headers, not values.
struct BatchUploadOptions: Sendable, Hashable, Codable {
    /// Whether parents who must act get an SMS (`notify=true`).
    var notify: Bool
    /// The `columns=` mapping as given (empty = the header decides).
    var columns: String
    /// Bytes received.
    var bytes: Int
    /// Physical lines after the header, an upper estimate of the rows (quoted line breaks and blank lines count too).
    var estimatedRows: Int
    /// Marks the record as the service's (a `qorgan cleanse` job's options have another shape).
    var origin = "qorgan-serve"

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    static func decoded(_ data: Data) -> BatchUploadOptions? {
        guard let options = try? JSONDecoder().decode(BatchUploadOptions.self, from: data), options.origin == "qorgan-serve" else { return nil }
        return options
    }
}
