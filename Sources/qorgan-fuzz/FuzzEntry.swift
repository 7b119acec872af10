#if canImport(Glibc)
import Glibc
#endif

/// Writes one line to standard error.
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// The target libFuzzer drives, chosen once from `QORGAN_FUZZ_TARGET`.
nonisolated(unsafe) private var selectedTarget: (any FuzzTarget.Type)?

/// libFuzzer's per-input entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if selectedTarget == nil {
        let name = getenv("QORGAN_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let target = FuzzTargets.named(name) else {
            let names = FuzzTargets.all.map { $0.name }.joined(separator: ", ")
            printError("qorgan-fuzz: set QORGAN_FUZZ_TARGET to one of: \(names)")
            exit(2)
        }
        selectedTarget = target
    }
    selectedTarget?.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

#if !QORGAN_FUZZ
/// Without libFuzzer (an ordinary build): `qorgan-fuzz TARGET PATH…` feeds every file (folders: every file in
/// them) to TARGET once — the committed corpus as a regression test. Exit 0 when all were read, 2 on usage errors;
/// a broken property crashes, as under the fuzzer.
@main
enum CorpusReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTargets.named(name), arguments.count >= 2 else {
            let names = FuzzTargets.all.map { $0.name }.joined(separator: "|")
            printError("usage: qorgan-fuzz \(names) FILE-OR-FOLDER…")
            exit(2)
        }
        var inputs = 0
        for path in arguments.dropFirst() {
            for file in files(at: path) {
                guard let bytes = read(file) else {
                    printError("qorgan-fuzz: cannot read \(file)")
                    exit(2)
                }
                bytes.withUnsafeBufferPointer { target.run($0) }
                inputs += 1
            }
        }
        print("qorgan-fuzz \(name): \(inputs) inputs replayed")
    }

    /// The regular files at `path` (itself, or the entries of a folder, sorted).
    static func files(at path: String) -> [String] {
        guard let directory = opendir(path) else { return [path] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(path + "/" + name) }
        }
        return names.sorted()
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }
}
#endif
