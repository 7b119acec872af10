import CP256Verify
import Crypto
import Foundation
import Synchronization
import X509

/// ECDSA P-256 / SHA-256 verification against one pinned key, with the key's precomputed multiples.
///
/// The table (148 KiB, `CP256Verify`) is built on the first check (0.7 ms); each later check then takes about a
/// quarter of a general verification's time, which must multiply an unknown key afresh (13 against 50 µs,
/// `qorgan-bench mocks --stages`). Where the fast path is unavailable (not x86-64 with BMI2, ADX and AVX) or turned
/// off (`QORGAN_P256_KEY_TABLES=0`), checks go to swift-crypto as before; the accepted signatures are the same.
final class P256PinnedKeyVerifier: XMLSignatureKeyVerifier, Sendable {
    /// The table's state: not built yet, built, or not to be built (general verification).
    private enum Table: @unchecked Sendable {
        case pending
        case ready(OpaquePointer)
        case unavailable
    }

    /// Whether pinned-key tables are used at all: on unless `QORGAN_P256_KEY_TABLES` is `0`, `false` or `no` (the
    /// values `QORGAN_XML_ARENA` takes); read once.
    static let tablesEnabled: Bool = {
        guard let value = ProcessInfo.processInfo.environment["QORGAN_P256_KEY_TABLES"]?.lowercased() else { return true }
        return !["0", "false", "no"].contains(value)
    }()

    /// The pinned key (`Certificate.PublicKey` is `Sendable`; swift-crypto's key type is not marked so).
    private let publicKey: Certificate.PublicKey
    private let table = Mutex<Table>(.pending)

    /// Prepares checks against `publicKey`, a P-256 key.
    init(publicKey: Certificate.PublicKey) {
        self.publicKey = publicKey
    }

    deinit {
        table.withLock { state in
            if case .ready(let pointer) = state { qorgan_p256_key_table_free(pointer) }
        }
    }

    func isValidSignature(_ signature: [UInt8], for data: [UInt8]) -> Bool {
        guard signature.count == 64 else { return false }
        guard case .ready(let pointer) = currentTable() else {
            guard let key = P256.Signing.PublicKey(publicKey),
                let value = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return key.isValidSignature(value, for: data)
        }
        let digest = SHA256.hash(data: data)
        return digest.withUnsafeBytes { digestBytes in
            signature.withUnsafeBufferPointer { value in
                qorgan_p256_verify(
                    pointer, digestBytes.baseAddress!.assumingMemoryBound(to: UInt8.self), value.baseAddress!,
                    value.baseAddress! + 32) == 1
            }
        }
    }

    private func currentTable() -> Table {
        table.withLock { state in
            guard case .pending = state else { return state }
            state = .unavailable
            guard Self.tablesEnabled, qorgan_p256_available() == 1, let key = P256.Signing.PublicKey(publicKey) else { return state }
            let coordinates = Array(key.rawRepresentation)  // x ‖ y, 32 bytes each
            guard coordinates.count == 64,
                let pointer = coordinates.withUnsafeBufferPointer({
                    qorgan_p256_key_table_create($0.baseAddress!, $0.baseAddress! + 32)
                })
            else { return state }
            state = .ready(pointer)
            return state
        }
    }
}
