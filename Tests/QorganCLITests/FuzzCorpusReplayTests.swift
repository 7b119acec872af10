import Foundation
import Testing

/// The committed fuzz corpus (`Tests/FuzzCorpus/<target>`) replayed through an ordinary build of `qorgan-fuzz`:
/// every input the fuzzer ever kept still parses or is refused without breaking a property (issue 9, part 4).
/// The libFuzzer runs themselves are `scripts/fuzz.sh`.
@Suite struct FuzzCorpusReplayTests {
    static var corpus: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FuzzCorpus")
    }

    @Test("every corpus input replays cleanly", arguments: ["iin", "csv", "xml", "soap", "xmlwriter"])
    func replay(_ target: String) async throws {
        let binary = try CLIProcess.executable().deletingLastPathComponent().appendingPathComponent("qorgan-fuzz")
        let folder = Self.corpus.appendingPathComponent(target)
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path).count
        #expect(inputs >= 4, "the \(target) corpus has \(inputs) inputs")
        let output = try await CLIProcess.runTool(binary.path, [target, folder.path])
        #expect(output.status == 0, "\(output.stderr.suffix(2_000))")
        #expect(output.stdout.contains("\(inputs) inputs replayed"), "\(output.stdout)")
    }

    @Test("an unknown target is a usage error")
    func unknownTarget() async throws {
        let binary = try CLIProcess.executable().deletingLastPathComponent().appendingPathComponent("qorgan-fuzz")
        let output = try await CLIProcess.runTool(binary.path, ["nope", Self.corpus.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("usage: qorgan-fuzz iin|csv|xml|soap|xmlwriter"))
    }
}
