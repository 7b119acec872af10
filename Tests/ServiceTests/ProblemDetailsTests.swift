import Foundation
import Service
import Testing

@Suite struct ProblemDetailsTests {
    @Test func encodesTheRFC9457Members() throws {
        let problem = ProblemDetails(type: ProblemDetails.typeURI("invalid-iin"), title: "Invalid IIN", status: 422, code: "IIN_CHECKSUM")
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(problem)) as? [String: Any]
        #expect(object?["type"] as? String == "https://qorgan.kz/problems/invalid-iin")
        #expect(object?["status"] as? Int == 422)
    }
}
