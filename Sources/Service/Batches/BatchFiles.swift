public import Foundation

/// Where one batch's files live: `<directory>/<id>/input.csv`, `results.csv`, `report.html`, `summary.json`.
///
/// The directory name is the batch id the service allocated (`bat_` and base-32 characters), never a client's file
/// name, so a path cannot be steered by a request.
public struct BatchFiles: Sendable, Hashable {
    /// The batch's own directory.
    public let directory: URL

    /// The files of batch `id` under `root`.
    public init(root: URL, id: String) {
        self.directory = root.appendingPathComponent(id, isDirectory: true)
    }

    /// The uploaded CSV, as received.
    public var input: URL { directory.appendingPathComponent("input.csv") }
    /// The results CSV the runner writes at the end.
    public var results: URL { directory.appendingPathComponent("results.csv") }
    /// The HTML report.
    public var report: URL { directory.appendingPathComponent("report.html") }
    /// The JSON summary.
    public var summary: URL { directory.appendingPathComponent("summary.json") }

    /// Whether `id` has the shape of a service-allocated batch id (so it is safe as a directory name).
    static func isWellFormed(_ id: String) -> Bool {
        id.hasPrefix("bat_") && id.count <= 64 && id.dropFirst(4).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
