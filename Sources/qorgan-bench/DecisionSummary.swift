import Foundation
import NIOCore
import NIOFoundationCompat

/// The decision and reason codes of an answer (lenient: unreadable parts become `?`/empty).
struct DecisionSummary: Sendable {
    private struct Document: Decodable {
        struct Reason: Decodable { var code: String }
        var decision: String
        var reasons: [Reason]?
    }

    let decision: String
    let reasons: [String]

    init(_ body: ByteBuffer) {
        let document = try? JSONDecoder().decode(Document.self, from: Data(body.readableBytesView))
        decision = document?.decision ?? "?"
        reasons = document?.reasons?.map(\.code) ?? []
    }
}
