public import Foundation
public import Storage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// First-start API keys, so a fresh installation can be called at once: when the store holds no key at all,
/// one key per role (`bootstrap-registrar`, `bootstrap-provider-admin`, `bootstrap-operator`, `bootstrap-auditor`)
/// is issued, written to `<directory>/api-keys.json` (mode 0600) and added to the store.
///
/// On later starts the store has keys, so nothing is issued or read; the keys in the file keep working because
/// their hashes are in the store. The file is written before the keys are stored: if writing fails nothing is
/// stored and the next start tries again.
///
/// ```swift
/// let issued = try await BootstrapKeys.ensure(store: store, directory: URL(fileURLWithPath: "var"))
/// for key in issued { print(key.record.role.rawValue, key.key) }
/// ```
public enum BootstrapKeys {
    /// The file name inside the directory.
    public static let fileName = "api-keys.json"

    /// Issues and stores one key per role when the store has none; returns them (empty when the store had keys).
    ///
    /// - Throws: ``ServiceError/keyStore(_:)`` when the store fails, ``ServiceError/keyFile(path:reason:)`` when the
    ///   directory or file cannot be written.
    public static func ensure(
        store: any APIKeyStore, directory: URL, issuer: APIKeyIssuer = APIKeyIssuer(), now: Date = Date()
    ) async throws(ServiceError) -> [IssuedAPIKey] {
        let existing: [APIKeyRecord]
        do {
            existing = try await store.keys()
        } catch {
            throw .keyStore(error.description)
        }
        guard existing.isEmpty else { return [] }

        let issued = APIKeyRecord.Role.allCases.map { role in
            issuer.issue(name: "bootstrap-\(role.rawValue)", role: role, createdAt: now)
        }
        let file = directory.appendingPathComponent(fileName)
        try writeKeyFile(issued, to: file, directory: directory, createdAt: now)
        for key in issued {
            do {
                try await store.add(key.record)
            } catch {
                throw .keyStore(error.description)
            }
        }
        return issued
    }

    /// The JSON written to the key file.
    struct KeyFile: Codable {
        struct Entry: Codable {
            var role: String
            var name: String
            var id: String
            var key: String
        }

        var createdAt: Date
        var keys: [Entry]
    }

    private static func writeKeyFile(_ issued: [IssuedAPIKey], to file: URL, directory: URL, createdAt: Date) throws(ServiceError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .keyFile(path: directory.path, reason: "cannot create the directory")
        }
        let content = KeyFile(
            createdAt: createdAt,
            keys: issued.map { .init(role: $0.record.role.rawValue, name: $0.record.name, id: $0.record.id, key: $0.key) }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard var data = try? encoder.encode(content) else {
            throw .keyFile(path: file.path, reason: "cannot encode the keys")
        }
        data.append(0x0A)

        // Created with 0600 from the start (no window with wider permissions); an old file is truncated and re-moded.
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .keyFile(path: file.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw .keyFile(path: file.path, reason: String(cString: strerror(errno))) }
        let written = data.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                offset += result
            }
            return offset
        }
        guard written == data.count else { throw .keyFile(path: file.path, reason: String(cString: strerror(errno))) }
    }
}
