import Foundation
import Identifiers
import Storage
import Testing

struct PersonalDataProtectorTests {
    static let lookupA = Data(repeating: 0x11, count: 32).base64EncodedString()
    static let lookupB = Data(repeating: 0x22, count: 32).base64EncodedString()
    static let payload1 = Data(repeating: 0x33, count: 32).base64EncodedString()
    static let payload2 = Data(repeating: 0x44, count: 32).base64EncodedString()

    @Test("the subject key of an IIN is stable under one lookup key and differs under another")
    func subjectKeyStableAndKeyDependent() throws {
        let a = PersonalDataProtector(keys: try StoreKeys(lookupKeyBase64: Self.lookupA, payloadKeyBase64: Self.payload1))
        let aAgain = PersonalDataProtector(keys: try StoreKeys(lookupKeyBase64: Self.lookupA, payloadKeyBase64: Self.payload2))
        let b = PersonalDataProtector(keys: try StoreKeys(lookupKeyBase64: Self.lookupB, payloadKeyBase64: Self.payload1))
        let key = a.subjectKey(for: Sample.childIIN)
        #expect(key == aAgain.subjectKey(for: Sample.childIIN))
        #expect(key != b.subjectKey(for: Sample.childIIN))
        #expect(key != a.subjectKey(for: Sample.parentIIN))
        #expect(key.hex.count == 64)
        #expect(!key.hex.contains(Sample.childIIN.unmasked))
    }

    @Test("the subject key is HMAC-SHA-256 of the twelve digits (known answer)")
    func subjectKeyKnownAnswer() throws {
        // HMAC-SHA-256(key = 32 × 0x11, message = "150601500436"), computed independently with Python's hmac module.
        let protector = PersonalDataProtector(keys: try StoreKeys(lookupKeyBase64: Self.lookupA, payloadKeyBase64: Self.payload1))
        #expect(protector.subjectKey(for: Sample.childIIN).hex == Self.expectedHMAC)
    }

    static let expectedHMAC = "8ac4abb1e230f7d50fb79217771cc5176b7306fbc983a4c10bca43505285ce6f"

    @Test("a sealed payload opens with the same key and context, and not with another key, context or a flipped byte")
    func sealAndOpen() throws {
        let keys = try StoreKeys(lookupKeyBase64: Self.lookupA, payloadKeyBase64: Self.payload1)
        let protector = PersonalDataProtector(keys: keys)
        let plaintext = Data(#"{"iin":"150601500436"}"#.utf8)
        let sealed = try protector.seal(plaintext, context: "decision:dec_1")
        #expect(sealed.count == plaintext.count + PersonalDataProtector.overhead)
        #expect(sealed.first == 1)
        #expect(sealed.range(of: Data("150601500436".utf8)) == nil)
        #expect(try protector.open(sealed, context: "decision:dec_1") == plaintext)
        #expect(throws: StoreError.payloadUnreadable(id: "decision:dec_2")) { try protector.open(sealed, context: "decision:dec_2") }

        let otherKey = PersonalDataProtector(keys: try StoreKeys(lookupKeyBase64: Self.lookupA, payloadKeyBase64: Self.payload2))
        #expect(throws: StoreError.payloadUnreadable(id: "decision:dec_1")) { try otherKey.open(sealed, context: "decision:dec_1") }

        var flipped = sealed
        flipped[flipped.count - 1] ^= 0x01
        #expect(throws: StoreError.payloadUnreadable(id: "decision:dec_1")) { try protector.open(flipped, context: "decision:dec_1") }
        #expect(throws: StoreError.payloadUnreadable(id: "decision:dec_1")) { try protector.open(Data([1, 2, 3]), context: "decision:dec_1") }
    }

    @Test("two seals of the same payload differ (fresh nonce)")
    func freshNonce() throws {
        let protector = PersonalDataProtector(keys: .generate())
        let a = try protector.seal(Data("same".utf8), context: "c")
        let b = try protector.seal(Data("same".utf8), context: "c")
        #expect(a != b)
    }

    @Test("nonces never repeat across many seals from concurrent tasks, and every payload opens")
    func noncesUnique() async throws {
        let protector = PersonalDataProtector(keys: .generate())
        let sealed = try await withThrowingTaskGroup(of: [Data].self) { group in
            for task in 0..<4 {
                group.addTask { try (0..<2_500).map { try protector.seal(Data("payload \(task) \($0)".utf8), context: "c") } }
            }
            return try await group.reduce(into: [Data]()) { $0 += $1 }
        }
        // Layout: key id (1 byte), then AES-GCM's combined form: nonce (12), ciphertext, tag (16).
        let nonces = Set(sealed.map { $0.dropFirst().prefix(12) })
        #expect(nonces.count == 10_000)
        for payload in sealed.prefix(100) { _ = try protector.open(payload, context: "c") }
    }

    @Test("after rotating the payload key, old payloads still open and new ones carry the new key id")
    func rotation() throws {
        let old = try StoreKeys(lookupKeyBase64: Self.lookupA, payloadKeyBase64: Self.payload1, payloadKeyID: 1)
        let sealedOld = try PersonalDataProtector(keys: old).seal(Data("old".utf8), context: "c")
        let rotated = try old.rotatingPayloadKey(to: Self.payload2, id: 2)
        let protector = PersonalDataProtector(keys: rotated)
        #expect(try protector.open(sealedOld, context: "c") == Data("old".utf8))
        let sealedNew = try protector.seal(Data("new".utf8), context: "c")
        #expect(PersonalDataProtector.keyID(of: sealedNew) == 2)
        // Without the retired key the old payload is unreadable.
        let withoutRetired = PersonalDataProtector(keys: try StoreKeys(lookupKeyBase64: Self.lookupA, payloadKeyBase64: Self.payload2, payloadKeyID: 2))
        #expect(throws: StoreError.payloadUnreadable(id: "c")) { try withoutRetired.open(sealedOld, context: "c") }
        // Configured explicitly, the retired key works the same.
        let configured = try StoreKeys(
            lookupKeyBase64: Self.lookupA, payloadKeyBase64: Self.payload2, payloadKeyID: 2, retiredPayloadKeys: [1: Self.payload1])
        #expect(try PersonalDataProtector(keys: configured).open(sealedOld, context: "c") == Data("old".utf8))
        #expect(throws: StoreKeysError.duplicateKeyID(2)) { try rotated.rotatingPayloadKey(to: Self.payload1, id: 2) }
    }
}

struct StoreKeysTests {
    @Test("keys of the wrong length or not base64 are refused with a typed error naming the key, not its value")
    func wrongKeys() throws {
        let good = Data(repeating: 7, count: 32).base64EncodedString()
        let short = Data(repeating: 7, count: 16).base64EncodedString()
        #expect(throws: StoreKeysError.wrongLength(key: "lookup", bytes: 16)) { try StoreKeys(lookupKeyBase64: short, payloadKeyBase64: good) }
        #expect(throws: StoreKeysError.wrongLength(key: "payload", bytes: 16)) { try StoreKeys(lookupKeyBase64: good, payloadKeyBase64: short) }
        #expect(throws: StoreKeysError.notBase64(key: "payload")) { try StoreKeys(lookupKeyBase64: good, payloadKeyBase64: "not base64!") }
        #expect(throws: StoreKeysError.duplicateKeyID(1)) {
            try StoreKeys(lookupKeyBase64: good, payloadKeyBase64: good, payloadKeyID: 1, retiredPayloadKeys: [1: good])
        }
        let error = StoreKeysError.wrongLength(key: "lookup", bytes: 16)
        #expect(error.description == "lookup key must be 32 bytes (44 base64 characters), got 16 bytes")
        #expect(error.shortDescription == "wrong-length")
    }

    @Test("generated keys are fresh, 32 bytes, round-trip through base64, and never print")
    func generated() throws {
        let a = StoreKeys.generate()
        let b = StoreKeys.generate()
        #expect(a.lookupKeyBase64 != b.lookupKeyBase64)
        #expect(a.payloadKeyBase64 != b.payloadKeyBase64)
        #expect(Data(base64Encoded: a.lookupKeyBase64)?.count == 32)
        let restored = try StoreKeys(lookupKeyBase64: a.lookupKeyBase64, payloadKeyBase64: a.payloadKeyBase64)
        #expect(PersonalDataProtector(keys: restored).subjectKey(for: Sample.childIIN) == PersonalDataProtector(keys: a).subjectKey(for: Sample.childIIN))
        #expect(!"\(a)".contains(a.lookupKeyBase64))
        #expect(!"\(a)".contains(a.payloadKeyBase64))
        #expect("\(a)" == "StoreKeys(payload key id 1, 0 retired)")
    }
}
