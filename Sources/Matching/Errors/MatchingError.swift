/// Why a match model could not be loaded, validated or trained.
///
/// One error type for the module: a stable `reason` for `switch` and metric labels (`shortDescription`), and
/// details for the human message.
public struct MatchingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The failure without its details.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The model file is not valid JSON for a model, or could not be read or written.
        case unreadableModel = "MODEL_UNREADABLE"
        /// The model's `format` is newer than this build understands.
        case unsupportedFormat = "MODEL_FORMAT_UNSUPPORTED"
        /// The model breaks an invariant (probabilities, level order, thresholds).
        case invalidModel = "MODEL_INVALID"
        /// Training was asked for with no record pairs.
        case noTrainingPairs = "TRAINING_NO_PAIRS"
    }

    enum Code: Sendable, Hashable {
        case unreadableModel(String)
        case unsupportedFormat(Int)
        case invalidModel(String)
        case noTrainingPairs
    }

    let detail: Code

    init(_ code: Code) {
        self.detail = code
    }

    static func unreadableModel(_ why: String) -> Self { .init(.unreadableModel(why)) }
    static func unsupportedFormat(_ format: Int) -> Self { .init(.unsupportedFormat(format)) }
    static func invalidModel(_ why: String) -> Self { .init(.invalidModel(why)) }
    static let noTrainingPairs = MatchingError(.noTrainingPairs)

    /// The failure without details.
    public var reason: Reason {
        switch detail {
        case .unreadableModel: .unreadableModel
        case .unsupportedFormat: .unsupportedFormat
        case .invalidModel: .invalidModel
        case .noTrainingPairs: .noTrainingPairs
        }
    }

    /// Payload-free description for metric labels, e.g. `MODEL_INVALID`.
    public var shortDescription: String { reason.rawValue }

    /// The human message.
    public var description: String {
        switch detail {
        case .unreadableModel(let why): "match model unreadable: \(why)"
        case .unsupportedFormat(let format): "match model format \(format) is newer than this build supports (\(MatchModel.currentFormat))"
        case .invalidModel(let why): "match model invalid: \(why)"
        case .noTrainingPairs: "no record pairs to train on"
        }
    }
}
