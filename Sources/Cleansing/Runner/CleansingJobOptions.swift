import Foundation

/// What a batch job was started with, kept in the store (`BatchJob.options`) so `--resume` can check it continues the
/// same input with the same settings.
struct CleansingJobOptions: Sendable, Hashable, Codable {
    /// The input's fingerprint and size.
    var input: CleansingInputSurvey
    /// Whether SMS were to be sent.
    var notify: Bool
    /// The `--columns` mapping, as given.
    var columns: String

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    static func decoded(_ data: Data) -> CleansingJobOptions? {
        try? JSONDecoder().decode(CleansingJobOptions.self, from: data)
    }
}
