import Foundation
import Crypto

/// The two secrets that protect personal data at rest, from configuration.
///
/// - **Lookup key** (32 bytes): HMAC-SHA-256 key turning an IIN into a `SubjectKey`. It cannot rotate without
///   recomputing every stored subject key, so keep it for the life of the database.
/// - **Payload key** (32 bytes) with a one-byte **key id**: AES-256-GCM key sealing decision documents, batch
///   rows and operator comments. Each sealed payload starts with the key id, so a new payload key (new id) can be
///   introduced while the old one stays in `retiredPayloadKeys` to open what it sealed.
///
/// Configure them as standard base64 (44 characters each); `StoreKeys.generate()` makes fresh ones:
///
/// ```swift
/// let keys = try StoreKeys(lookupKeyBase64: env["QORGAN_LOOKUP_KEY"]!, payloadKeyBase64: env["QORGAN_PAYLOAD_KEY"]!)
/// ```
///
/// `description` never shows key material.
public struct StoreKeys: Sendable, CustomStringConvertible {
    /// Key length in bytes (256 bits) for both keys.
    public static let keyByteCount = 32

    // Raw key bytes (swift-crypto's `SymmetricKey` is not `Sendable`); `SymmetricKey`s are made on use.
    private let lookupKeyBytes: [UInt8]
    private let payloadKeyBytes: [UInt8]
    /// The id written in front of every payload sealed now. Default 1.
    public let payloadKeyID: UInt8
    private let retiredPayloadKeyBytes: [UInt8: [UInt8]]

    /// Builds keys from base64 text.
    ///
    /// - Parameters:
    ///   - lookupKeyBase64: the HMAC key for subject keys.
    ///   - payloadKeyBase64: the AES-GCM key for payloads sealed from now on.
    ///   - payloadKeyID: the current payload key's id. Default 1.
    ///   - retiredPayloadKeys: older payload keys by id, only to open what they sealed. Default none.
    /// - Throws: `StoreKeysError` for text that is not base64, a key that is not 32 bytes, or a reused id.
    public init(lookupKeyBase64: String, payloadKeyBase64: String, payloadKeyID: UInt8 = 1, retiredPayloadKeys: [UInt8: String] = [:])
        throws(StoreKeysError)
    {
        lookupKeyBytes = try Self.decode(lookupKeyBase64, name: "lookup")
        payloadKeyBytes = try Self.decode(payloadKeyBase64, name: "payload")
        self.payloadKeyID = payloadKeyID
        var retired: [UInt8: [UInt8]] = [:]
        for (id, text) in retiredPayloadKeys.sorted(by: { $0.key < $1.key }) {
            guard id != payloadKeyID else { throw .duplicateKeyID(id) }
            retired[id] = try Self.decode(text, name: "retired payload \(id)")
        }
        self.retiredPayloadKeyBytes = retired
    }

    private init(lookupKeyBytes: [UInt8], payloadKeyBytes: [UInt8], payloadKeyID: UInt8, retiredPayloadKeyBytes: [UInt8: [UInt8]]) {
        self.lookupKeyBytes = lookupKeyBytes
        self.payloadKeyBytes = payloadKeyBytes
        self.payloadKeyID = payloadKeyID
        self.retiredPayloadKeyBytes = retiredPayloadKeyBytes
    }

    /// Fresh random keys (from the system's secure random source), e.g. for a first start; persist them with
    /// `lookupKeyBase64` and `payloadKeyBase64`, or nothing stored can be read again.
    public static func generate(payloadKeyID: UInt8 = 1) -> StoreKeys {
        StoreKeys(
            lookupKeyBytes: randomKeyBytes(), payloadKeyBytes: randomKeyBytes(), payloadKeyID: payloadKeyID, retiredPayloadKeyBytes: [:])
    }

    /// The same keys with a new current payload key: the current one moves to the retired keys.
    ///
    /// - Throws: `StoreKeysError` for a bad key or an id already in use.
    public func rotatingPayloadKey(to payloadKeyBase64: String, id: UInt8) throws(StoreKeysError) -> StoreKeys {
        guard id != payloadKeyID, retiredPayloadKeyBytes[id] == nil else { throw .duplicateKeyID(id) }
        let newKey = try Self.decode(payloadKeyBase64, name: "payload")
        var retired = retiredPayloadKeyBytes
        retired[payloadKeyID] = payloadKeyBytes
        return StoreKeys(lookupKeyBytes: lookupKeyBytes, payloadKeyBytes: newKey, payloadKeyID: id, retiredPayloadKeyBytes: retired)
    }

    /// The lookup key as base64, for writing to a protected configuration file. Secret.
    public var lookupKeyBase64: String { Data(lookupKeyBytes).base64EncodedString() }
    /// The current payload key as base64, for writing to a protected configuration file. Secret.
    public var payloadKeyBase64: String { Data(payloadKeyBytes).base64EncodedString() }

    /// `StoreKeys(payload key id N, K retired)`, never key material.
    public var description: String { "StoreKeys(payload key id \(payloadKeyID), \(retiredPayloadKeyBytes.count) retired)" }

    /// The HMAC key for subject keys.
    var lookupKey: SymmetricKey { SymmetricKey(data: lookupKeyBytes) }

    /// The key payloads are sealed with now.
    var payloadKey: SymmetricKey { SymmetricKey(data: payloadKeyBytes) }

    /// The payload key with this id, current or retired.
    func payloadKey(id: UInt8) -> SymmetricKey? {
        if id == payloadKeyID { return payloadKey }
        return retiredPayloadKeyBytes[id].map { SymmetricKey(data: $0) }
    }

    private static func randomKeyBytes() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    private static func decode(_ text: String, name: String) throws(StoreKeysError) -> [UInt8] {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw .notBase64(key: name) }
        guard data.count == keyByteCount else { throw .wrongLength(key: name, bytes: data.count) }
        return Array(data)
    }
}
