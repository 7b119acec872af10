import Foundation
import Testing

struct IINCheckCommandTests {
    @Test("a valid IIN from standard input exits 0 and says what the digits suggest")
    func validFromStandardInput() async throws {
        let output = try await CLIProcess.run(["iin", "check", "-"], stdin: "150601500436\n")
        #expect(output.status == 0)
        #expect(output.stdout.contains("150601500436 valid"))
        #expect(output.stdout.contains("2015-06-01"))
    }

    @Test("an invalid IIN exits non-zero with the line number and the reason")
    func invalidExitsNonZero() async throws {
        let output = try await CLIProcess.run(["iin", "check", "-"], stdin: "850415300121\n850415300122\n")
        #expect(output.status == 1)
        #expect(output.lines.count == 2)
        #expect(output.lines[1].hasPrefix("line 2:"))
        #expect(output.lines[1].contains("IIN_CHECKSUM"))
        #expect(output.lines[1].contains("position 12"))
    }

    @Test("--json prints one object per input line, in input order, with the stable fields")
    func jsonLines() async throws {
        let input = "850415300121\n\n85041530O121\n140321501500\n850415700127\n 7911-0240-1577 \n"
        let output = try await CLIProcess.run(["iin", "check", "--json", "-"], stdin: input)
        #expect(output.status == 1)
        let objects = try output.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == 6)
        #expect(objects.map { $0["line"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(objects.map { $0["valid"] as? Bool } == [true, false, false, false, true, true])
        #expect(objects.map { $0["error"] as? String } == [nil, "IIN_EMPTY", "IIN_INVALID_CHARACTER", "IIN_NOT_ISSUABLE", nil, nil])
        #expect(objects[0]["birthDate"] as? String == "1985-04-15")
        #expect(objects[0]["gender"] as? String == "male")
        #expect(objects[0]["century"] as? Int == 1900)
        #expect(objects[2]["position"] as? Int == 9)
        #expect(objects[4]["flags"] as? [String] == ["CENTURY_DIGIT_UNDEFINED"])
        #expect(objects[4]["birthDate"] is NSNull)
        #expect(objects[5]["normalized"] as? String == "791102401577")
        #expect(objects[5]["input"] as? String == " 7911-0240-1577 ")
    }

    @Test("arguments and standard input keep their order")
    func argumentsAndStandardInput() async throws {
        let output = try await CLIProcess.run(["iin", "check", "--json", "150601500436", "-", "120930602185"], stdin: "791102401577\n")
        #expect(output.status == 0)
        let normalized = output.lines.map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["normalized"] as? String
        }
        #expect(normalized == ["150601500436", "791102401577", "120930602185"])
    }

    @Test("no input is a usage error")
    func usageError() async throws {
        let output = try await CLIProcess.run(["iin", "check"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("at least one identifier"))
    }

    @Test("bin check validates coded digits")
    func binCheck() async throws {
        let output = try await CLIProcess.run(["bin", "check", "--as-of", "2026-11-21", "181160007808", "040470001200"])
        #expect(output.status == 1)
        #expect(output.lines[0].contains("valid"))
        #expect(output.lines[1].contains("BIN_ENTITY_TYPE"))
    }
}
