public import Foundation
public import Identifiers
import Crypto

/// Turns personal data into what the store may keep: IINs into keyed hashes, documents into sealed payloads.
///
/// - `subjectKey(for:)`: HMAC-SHA-256 of the IIN's twelve digits under the lookup key, lower-case hex. The same
///   IIN always gives the same key under the same lookup key, and an unrelated one under another.
/// - `seal(_:context:)`: AES-256-GCM under the current payload key. Layout: `[key id: 1 byte][nonce: 12][ciphertext][tag: 16]`.
///   `context` (e.g. `decision:dec_…`) is authenticated, not stored, so a payload moved to another row fails to open.
/// - `open(_:context:)`: picks the key by the leading id (current or retired), so keys can rotate.
///
/// ```swift
/// let protector = PersonalDataProtector(keys: .generate())
/// let sealed = try protector.seal(Data("{…}".utf8), context: "decision:dec_1")
/// let plain = try protector.open(sealed, context: "decision:dec_1")
/// ```
public struct PersonalDataProtector: Sendable {
    /// Bytes a sealed payload adds to its plaintext: key id, nonce and tag.
    public static let overhead = 1 + 12 + 16

    private let keys: StoreKeys

    /// A protector using `keys`.
    public init(keys: StoreKeys) {
        self.keys = keys
    }

    /// The keyed hash the store uses instead of `iin`.
    public func subjectKey(for iin: IIN) -> SubjectKey {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(iin.unmasked.utf8), using: keys.lookupKey)
        return SubjectKey(hex: Self.hex(mac))
    }

    /// The keyed hash of a contact (a phone number in E.164), for subjects known by no valid IIN — e.g. the parent
    /// to notify about a mistyped IIN. Domain-separated, so it never equals an IIN's key.
    public func subjectKey(forContact contact: String) -> SubjectKey {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(("contact:" + contact).utf8), using: keys.lookupKey)
        return SubjectKey(hex: Self.hex(mac))
    }

    /// Encrypts and authenticates `plaintext`, bound to `context`, under a fresh random 96-bit nonce (from the
    /// kernel's CSPRNG through `ReserveRandomNumberGenerator`, not one `getrandom` call per payload).
    ///
    /// - Throws: `StoreError.database` only if the system's cipher fails (it does not for valid keys).
    public func seal(_ plaintext: Data, context: String) throws(StoreError) -> Data {
        do {
            var generator = ReserveRandomNumberGenerator()
            var words = (generator.next() as UInt64, generator.next() as UInt64)
            let nonce = try withUnsafeBytes(of: &words) { try AES.GCM.Nonce(data: $0.prefix(12)) }
            let box = try AES.GCM.seal(plaintext, using: keys.payloadKey, nonce: nonce, authenticating: Data(context.utf8))
            guard let combined = box.combined else { throw StoreError.database("AES-GCM produced no combined form") }
            var sealed = Data(capacity: 1 + combined.count)
            sealed.append(keys.payloadKeyID)
            sealed.append(combined)
            return sealed
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database("payload encryption failed")
        }
    }

    /// Decrypts a payload sealed by `seal(_:context:)` under a current or retired key.
    ///
    /// - Throws: `StoreError.payloadUnreadable(id: context)` for an unknown key id, the wrong key, another
    ///   context, or any changed byte.
    public func open(_ sealed: Data, context: String) throws(StoreError) -> Data {
        guard sealed.count >= Self.overhead, let key = keys.payloadKey(id: sealed[sealed.startIndex]) else {
            throw .payloadUnreadable(id: context)
        }
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst())
            return try AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
        } catch {
            throw .payloadUnreadable(id: context)
        }
    }

    /// The key id a sealed payload was sealed under, or `nil` for an empty payload (to find rows to re-seal).
    public static func keyID(of sealed: Data) -> UInt8? {
        sealed.first
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
