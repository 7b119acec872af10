import Foundation
import Testing

/// Fails when a module imports something outside its row of the module table (README "Modules"):
/// the core stays free of networking, servers and databases; mocks never import adapters.
struct ModuleImportTests {
    /// Folder of each library module → the modules it may import (system modules always allowed).
    static let allowedImports: [String: Set<String>] = [
        "Sources/Identifiers": [],
        "Sources/Normalization": ["Identifiers"],
        "Sources/Matching": ["Normalization", "Identifiers"],
        "Sources/Verification": ["Identifiers", "Normalization", "Matching"],
        "Sources/Storage": ["Verification", "Identifiers", "GRDB", "Crypto", "Logging"],
        "Sources/Cleansing": ["Verification", "Storage", "Identifiers", "Normalization", "Matching", "Logging"],
        "Sources/Service": ["Verification", "Storage", "Identifiers", "Normalization", "Matching", "Hummingbird", "NIOCore", "Logging", "Metrics", "CoreMetrics", "Prometheus", "Crypto", "RegistryAdapters", "Cleansing", "Reverification", "Mustache"],
        "Sources/Reverification": ["Verification", "Storage", "Cleansing", "Identifiers", "Normalization", "Matching", "Logging"],
        "Sources/PostgresStorage": ["Storage", "Verification", "Identifiers", "PostgresNIO", "NIOCore", "NIOPosix", "Crypto", "Logging"],
        "adapters/XMLSupport": ["CLibXML2", "CXMLArena"],
        "adapters/SOAP": ["XMLSupport", "Identifiers", "CP256Verify", "Crypto", "_CryptoExtras", "X509", "SwiftASN1"],
        "adapters/RegistryTransport": ["Verification", "AsyncHTTPClient", "NIOCore", "NIOHTTP1", "NIOPosix", "Logging", "Metrics", "CoreMetrics"],
        "adapters/SyncChannelClient": ["Verification", "Identifiers", "Normalization", "SOAP", "XMLSupport", "RegistryTransport", "Logging"],
        "adapters/GBDFLAdapter": ["Verification", "Identifiers", "Normalization", "SyncChannelClient", "XMLSupport", "Logging"],
        "adapters/EducationAdapter": ["Verification", "Identifiers", "SyncChannelClient", "XMLSupport"],
        "adapters/BusinessRegistryAdapter": ["Verification", "Identifiers", "SyncChannelClient", "XMLSupport"],
        "adapters/HealthAdapter": ["Verification", "Identifiers", "RegistryTransport", "Logging"],
        "adapters/RegistryAdapters": ["Verification", "RegistryTransport", "SyncChannelClient", "SOAP", "GBDFLAdapter", "EducationAdapter", "BusinessRegistryAdapter", "HealthAdapter", "SMSAdapter", "Logging", "CoreMetrics", "Metrics", "Crypto", "X509", "SwiftASN1"],
        "adapters/SMSAdapter": ["Verification", "Normalization", "RegistryTransport", "Logging"],
        "mocks/Population": ["Identifiers"],
        "mocks/RegistryMocks": ["Identifiers", "Population", "XMLSupport", "SOAP", "Hummingbird", "NIOCore", "NIOPosix", "NIOHTTP1", "Logging", "Crypto", "X509", "SwiftASN1", "ServiceLifecycle"],
    ]

    /// Modules any target may import.
    static let systemModules: Set<String> = ["Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Musl", "Darwin", "Synchronization", "_Concurrency"]

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func imports(in file: URL) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { return nil }
            let modifiers = words[..<index]
            guard modifiers.allSatisfy({ ["public", "internal", "package", "private", "fileprivate", "@testable", "@preconcurrency", "@_exported"].contains($0) }) else { return nil }
            return words[index + 1].split(separator: ".").first.map(String.init)
        }
    }

    @Test("each module imports only what the module table allows", arguments: allowedImports.keys.sorted())
    func moduleImports(_ folder: String) throws {
        let directory = Self.packageRoot.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            Issue.record("module folder \(folder) is missing")
            return
        }
        let allowed = Self.allowedImports[folder, default: []].union(Self.systemModules)
        var files = 0
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            files += 1
            for module in try Self.imports(in: file) {
                #expect(allowed.contains(module), "\(file.lastPathComponent) imports \(module), outside its row")
            }
        }
        #expect(files > 0, "no Swift files under \(folder)")
    }
}
