import Foundation
import Service
import Storage
import Testing

@Suite struct BootstrapKeysTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-bootstrap-\(UUID().uuidString)")
    }

    @Test("an empty store gets one key per role, written to api-keys.json with mode 0600")
    func firstStart() async throws {
        let store = InMemoryAPIKeyStore()
        let directory = temporaryDirectory().appendingPathComponent("var")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }

        let issued = try await BootstrapKeys.ensure(store: store, directory: directory)
        #expect(Set(issued.map(\.record.role)) == Set(APIKeyRecord.Role.allCases))
        #expect(try await store.keys().count == APIKeyRecord.Role.allCases.count)
        for key in issued {
            #expect(try await store.key(hash: APIKeyCredential.hash(key.key))?.role == key.record.role)
        }

        let file = directory.appendingPathComponent(BootstrapKeys.fileName)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let entries = try #require(object["keys"] as? [[String: String]])
        #expect(Set(entries.compactMap { $0["key"] }) == Set(issued.map(\.key)))
        #expect(Set(entries.compactMap { $0["role"] }) == Set(APIKeyRecord.Role.allCases.map(\.rawValue)))
    }

    @Test("a store that has keys gets none and the file is left alone")
    func laterStart() async throws {
        let store = InMemoryAPIKeyStore()
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await BootstrapKeys.ensure(store: store, directory: directory)
        let file = directory.appendingPathComponent(BootstrapKeys.fileName)
        let written = try Data(contentsOf: file)

        let second = try await BootstrapKeys.ensure(store: store, directory: directory)
        #expect(second.isEmpty)
        #expect(try Data(contentsOf: file) == written)
        #expect(try await store.keys().count == first.count)
    }

    @Test("a failing store is a keyStore error and no file is written")
    func storeFailure() async throws {
        let store = InMemoryAPIKeyStore()
        store.fail(with: .database("locked"))
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        await #expect(throws: ServiceError.keyStore(StoreError.database("locked").description)) {
            try await BootstrapKeys.ensure(store: store, directory: directory)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(BootstrapKeys.fileName).path))
    }
}
