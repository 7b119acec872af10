public import Foundation

extension MatchModel {
    /// Decodes and validates a model from JSON.
    ///
    /// - Throws: `MatchingError` (`unreadableModel`, `unsupportedFormat`, `invalidModel`).
    public init(jsonData: Data) throws(MatchingError) {
        let model: MatchModel
        do {
            model = try JSONDecoder().decode(MatchModel.self, from: jsonData)
        } catch {
            if let format = try? JSONDecoder().decode(FormatProbe.self, from: jsonData).format, format > Self.currentFormat {
                throw .unsupportedFormat(format)
            }
            throw .unreadableModel(String(describing: error))
        }
        try model.validate()
        self = model
    }

    /// Reads and validates the model file at `url`.
    ///
    /// - Throws: `MatchingError` (`unreadableModel`, `unsupportedFormat`, `invalidModel`).
    public init(contentsOf url: URL) throws(MatchingError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableModel("cannot read \(url.lastPathComponent): \(error.localizedDescription)")
        }
        try self.init(jsonData: data)
    }

    /// The model as pretty-printed JSON with sorted keys (stable diffs).
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and finite numbers cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Writes the model file to `url` atomically.
    ///
    /// - Throws: `MatchingError.unreadableModel` when the file cannot be written.
    public func write(to url: URL) throws(MatchingError) {
        do {
            try jsonData().write(to: url, options: .atomic)
        } catch {
            throw .unreadableModel("cannot write \(url.lastPathComponent): \(error.localizedDescription)")
        }
    }

    private struct FormatProbe: Decodable {
        let format: Int
    }
}
