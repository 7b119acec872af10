import Foundation
import NIOCore
public import Hummingbird

/// The request decoder of ``GatewayRequestContext``: JSON with ISO 8601 dates, whose failures become a
/// 400 `invalid-json` ``ServiceProblem`` that names the coding path (e.g. `child.iin`) and the kind of failure,
/// never a value from the payload.
public struct GatewayJSONDecoder: RequestDecoder, Sendable {
    /// A decoder with ISO 8601 dates.
    public init() {}

    /// Collects the body (up to `context.maxUploadSize`, otherwise 413) and decodes it.
    ///
    /// - Throws: ``ServiceProblem`` `invalid-json` (400) when the body is not valid JSON or does not fit `T`;
    ///   `payload-too-large` (413) when the body is too large.
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw ServiceProblem.payloadTooLarge(limit: context.maxUploadSize)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw ServiceProblem(decodingError: error)
        }
    }
}
