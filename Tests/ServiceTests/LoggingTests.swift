import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Service
import Storage
import Testing

@Suite struct LoggingTests {
    @Test("IIN/BIN-like digit runs are masked as first 4 + stars + last 2", arguments: [
        ("061215300112", "0612******12"),
        ("child 850415300121 declared", "child 8504******21 declared"),
        ("a850415300121b", "a8504******21b"),
        ("8504 1530 0121", "8504 **** **21"),
        ("850415-300121", "8504**-****21"),
        ("１２３４５６７８９０１２", "１２３４******１２"),
        ("12345678901", "12345678901"),
        ("2025-05-01T10:00:00Z", "2025-05-01T10:00:00Z"),
        ("+7 701 123 45 67", "+7 701 123 45 67"),
        ("1234567890123", "1234*******23"),
        ("no digits", "no digits"),
    ])
    func masking(_ input: String, _ expected: String) {
        #expect(PersonalDataMasker.standard.mask(input) == expected)
    }

    @Test("a JSON line carries timestamp, level, message, request_id and metadata")
    func jsonLine() throws {
        let lines = LogLines()
        var logger = Logger(label: "qorgan.test") { JSONLogHandler(label: $0, destination: .custom { lines.append($0) }) }
        logger[metadataKey: "request_id"] = "abcDEF"
        logger.info("qorgan.decision.made", metadata: ["decision": "ACTIVATE", "weights": .array(["1.5", "-2"])])
        logger.debug("below the level")
        #expect(lines.all.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines.all[0].utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["message"] as? String == "qorgan.decision.made")
        #expect(object["request_id"] as? String == "abcDEF")
        #expect(object["label"] as? String == "qorgan.test")
        #expect((object["timestamp"] as? String)?.hasSuffix("Z") == true)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["decision"] as? String == "ACTIVATE")
        #expect(metadata["weights"] as? [String] == ["1.5", "-2"])
        #expect(metadata["request_id"] == nil)
    }

    @Test("a raw IIN passed to a log call never reaches the output: message, metadata, nested values, keys")
    func rawIINNeverLogged() throws {
        let iin = "850415300121"
        let lines = LogLines()
        var logger = Logger(label: "qorgan.test") { JSONLogHandler(label: $0, destination: .custom { lines.append($0) }) }
        logger[metadataKey: "subject"] = .string(iin)
        logger.info("checking \(iin)", metadata: [
            "iin": .string(iin),
            "spaced": .string("8504 1530 0121"),
            "nested": .dictionary(["list": .array([.string("x\(iin)y"), .stringConvertible(Int(iin)!)])]),
            iin: "as a key",
        ])
        logger.error("failed", metadata: ["detail": "\("line\nbreak \(iin)")"])
        let output = lines.joined
        #expect(lines.all.count == 2)
        #expect(!output.contains(iin))
        #expect(!output.contains("1530"))
        #expect(output.contains("8504******21"))
        for line in lines.all {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)")
            #expect(line.range(of: #"[0-9]{12}"#, options: .regularExpression) == nil)
        }
    }

    @Test("an IIN logged by a route reaches the log only masked, with the request id")
    func routeLogging() async throws {
        let gateway = TestGateway()
        let auth = gateway.auth
        try await gateway.app.test(.router) { client in
            var headers = auth.bearer(.operator)
            headers[RequestIDMiddleware.headerName] = "trace-1"
            try await client.execute(uri: "/v1/log/850415300121", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
            }
        }
        let routeLines = gateway.lines.all.filter { $0.contains("probe") }
        #expect(routeLines.count == 1)
        #expect(routeLines.first?.contains(#""request_id":"trace-1""#) == true)
        #expect(!gateway.lines.joined.contains("850415300121"))
        #expect(gateway.lines.joined.contains("8504******21"))
        // The access log line names the route template, not the concrete path.
        let access = try #require(gateway.lines.all.first { $0.contains("qorgan.http.request") })
        #expect(access.contains("/v1/log/{iin}"))
    }
}
