import CP256Verify
import Crypto
import Foundation
import SOAP
import Testing
import X509

/// The pinned-key tables (`CP256Verify`) accept exactly what swift-crypto's general ECDSA verification accepts.
struct P256PinnedKeyVerifierTests {
    /// The group order n, big-endian.
    static let order: [UInt8] = hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")
    /// The generator's x coordinate, big-endian (below n, so it is also r for the nonce 1).
    static let generatorX: [UInt8] = hex("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296")
    static let generatorY: [UInt8] = hex("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5")
    static let fieldPrime: [UInt8] = hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")

    @Test func fastPathIsAvailableWhereTheCPUHasIt() throws {
        #if arch(x86_64) && os(Linux)
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = Set(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ").map(String.init) ?? [])
        if flags.isSuperset(of: ["bmi2", "adx", "avx"]) {
            #expect(qorgan_p256_available() == 1)
        }
        #endif
    }

    /// Signatures by swift-crypto, as made, with high s, altered, over other data and by another key.
    @Test func agreesWithSwiftCryptoOnValidAndAlteredSignatures() throws {
        var generator = SystemRandomNumberGenerator()
        let general = ECDSAP256SHA256Verifier()
        for keyIndex in 0..<24 {
            let key = P256.Signing.PrivateKey()
            let other = P256.Signing.PrivateKey()
            let publicKey = Certificate.PublicKey(key.publicKey)
            let prepared = general.prepared(for: publicKey)
            let table = try #require(Self.table(for: key.publicKey))
            defer { qorgan_p256_key_table_free(table) }
            for messageIndex in 0..<20 {
                let message = (0..<(1 + messageIndex * 37)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let signature = Array(try key.signature(for: message).rawRepresentation)
                var cases: [(name: String, signature: [UInt8], message: [UInt8], valid: Bool)] = [
                    ("as made", signature, message, true),
                    ("high s", Array(signature[0..<32]) + Self.subtract(Self.order, Array(signature[32...])), message, true),
                    ("other data", signature, message + [0], false),
                    ("another key's signature", Array(try other.signature(for: message).rawRepresentation), message, false),
                ]
                var flipped = signature
                let bit = Int.random(in: 0..<512, using: &generator)
                flipped[bit / 8] ^= UInt8(1 << (bit % 8))
                cases.append(("bit \(bit) flipped", flipped, message, false))

                for item in cases {
                    let label = "key \(keyIndex), message \(messageIndex): \(item.name)"
                    #expect(general.isValidSignature(item.signature, for: item.message, publicKey: publicKey) == item.valid, "swift-crypto, \(label)")
                    #expect(prepared.isValidSignature(item.signature, for: item.message) == item.valid, "prepared, \(label)")
                    #expect(Self.verify(table, digest: Array(SHA256.hash(data: item.message)), signature: item.signature) == item.valid, "table, \(label)")
                }
            }
        }
    }

    /// r and s outside 1..<n are refused before any arithmetic, as by swift-crypto.
    @Test func refusesScalarsOutOfRange() throws {
        let key = P256.Signing.PrivateKey()
        let message = Array("SignedInfo".utf8)
        let signature = Array(try key.signature(for: message).rawRepresentation)
        let table = try #require(Self.table(for: key.publicKey))
        defer { qorgan_p256_key_table_free(table) }
        let digest = Array(SHA256.hash(data: message))
        let zero = [UInt8](repeating: 0, count: 32), ones = [UInt8](repeating: 0xff, count: 32)
        let r = Array(signature[0..<32]), s = Array(signature[32...])
        let plusN = Self.add(r, Self.order)  // r + n (mod 2^256): the same residue, not a valid encoding
        for (name, value) in [
            ("r = 0", zero + s), ("s = 0", r + zero), ("r = n", Self.order + s), ("s = n", r + Self.order),
            ("r = 2^256 - 1", ones + s), ("s = 2^256 - 1", r + ones), ("r + n", plusN + s),
        ] {
            #expect(!Self.verify(table, digest: digest, signature: value), "\(name)")
            #expect(!ECDSAP256SHA256Verifier().isValidSignature(value, for: message, publicKey: .init(key.publicKey)), "\(name)")
        }
        #expect(!ECDSAP256SHA256Verifier().prepared(for: .init(key.publicKey)).isValidSignature(Array(signature.dropLast()), for: message))
    }

    /// With the private key 1 and the nonce 1, (r, s) = (x(G) mod n, e + r mod n) is valid for any digest e — so
    /// digests at and above n (reduced mod n), u1 = 0 (e = 0 or n) and u1 = u2 (e = r: the two products are the
    /// same point, which the final addition must double) can all be checked against swift-crypto.
    @Test func chosenDigestsIncludingAboveTheOrder() throws {
        let one = try P256.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0, count: 31) + [1]).publicKey
        #expect(Array(one.rawRepresentation) == Self.generatorX + Self.generatorY)
        let table = try #require(Self.table(for: one))
        defer { qorgan_p256_key_table_free(table) }
        let r = Self.generatorX
        var digests: [[UInt8]] = [
            [UInt8](repeating: 0, count: 32), [UInt8](repeating: 0, count: 31) + [1], Self.order, Self.add(Self.order, [UInt8](repeating: 0, count: 31) + [1]),
            Self.subtract(Self.order, [UInt8](repeating: 0, count: 31) + [1]), [UInt8](repeating: 0xff, count: 32), r,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 { digests.append((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }) }
        for digest in digests {
            let e = Self.reduced(digest)
            let s = Self.reduced(Self.add(e, r), carryIn: Self.carry(e, r))
            guard s != [UInt8](repeating: 0, count: 32) else { continue }
            let signature = r + s
            let swiftCrypto = one.isValidSignature(try P256.Signing.ECDSASignature(rawRepresentation: signature), for: RawDigest(bytes: digest))
            #expect(swiftCrypto, "swift-crypto, digest \(digest)")
            #expect(Self.verify(table, digest: digest, signature: signature), "table, digest \(digest)")
            var other = digest
            other[31] ^= 1
            #expect(!Self.verify(table, digest: other, signature: signature))
        }
    }

    @Test func refusesPointsOffTheCurve() {
        guard qorgan_p256_available() == 1 else { return }
        var y = Self.generatorY
        y[31] ^= 1
        #expect(Self.table(x: Self.generatorX, y: y) == nil)
        #expect(Self.table(x: Self.fieldPrime, y: Self.generatorY) == nil)
        #expect(Self.table(x: Self.generatorX, y: Self.add(Self.generatorY, Self.fieldPrime)) == nil)  // y + p wraps: off the curve
        #expect(Self.table(x: [UInt8](repeating: 0, count: 32), y: [UInt8](repeating: 0, count: 32)) == nil)
        let table = Self.table(x: Self.generatorX, y: Self.generatorY)
        #expect(table != nil)
        qorgan_p256_key_table_free(table)
    }

    /// Several threads verify with one table at once.
    @Test func sharedAcrossThreads() async throws {
        let key = P256.Signing.PrivateKey()
        let prepared = ECDSAP256SHA256Verifier().prepared(for: .init(key.publicKey))
        let messages = (0..<64).map { Array("message \($0)".utf8) }
        let signatures = try messages.map { Array(try key.signature(for: $0).rawRepresentation) }
        let results = await withTaskGroup(of: Bool.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { round in
                        let index = (worker * 7 + round) % messages.count
                        return prepared.isValidSignature(signatures[index], for: messages[index])
                            && !prepared.isValidSignature(signatures[index], for: messages[(index + 1) % messages.count])
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    // MARK: - Helpers

    /// A digest given as bytes, so swift-crypto can verify over a chosen value.
    struct RawDigest: Digest {
        static var byteCount: Int { 32 }
        let bytes: [UInt8]
        func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R { try bytes.withUnsafeBytes(body) }
        func makeIterator() -> IndexingIterator<[UInt8]> { bytes.makeIterator() }
        var description: String { "RawDigest" }
    }

    static func table(for key: P256.Signing.PublicKey) -> OpaquePointer? {
        let raw = Array(key.rawRepresentation)
        return table(x: Array(raw[0..<32]), y: Array(raw[32...]))
    }

    static func table(x: [UInt8], y: [UInt8]) -> OpaquePointer? {
        x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in qorgan_p256_key_table_create(x.baseAddress!, y.baseAddress!) } }
    }

    static func verify(_ table: OpaquePointer, digest: [UInt8], signature: [UInt8]) -> Bool {
        guard signature.count == 64 else { return false }
        return digest.withUnsafeBufferPointer { d in
            signature.withUnsafeBufferPointer { s in qorgan_p256_verify(table, d.baseAddress!, s.baseAddress!, s.baseAddress! + 32) == 1 }
        }
    }

    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    /// a + b mod 2^256, big-endian.
    static func add(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        var carry = 0
        for i in stride(from: 31, through: 0, by: -1) {
            let sum = Int(a[i]) + Int(b[i]) + carry
            result[i] = UInt8(sum & 0xff)
            carry = sum >> 8
        }
        return result
    }

    /// Whether a + b overflows 2^256.
    static func carry(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var carry = 0
        for i in stride(from: 31, through: 0, by: -1) { carry = (Int(a[i]) + Int(b[i]) + carry) >> 8 }
        return carry == 1
    }

    /// a - b mod 2^256, big-endian.
    static func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for i in stride(from: 31, through: 0, by: -1) {
            let difference = Int(a[i]) - Int(b[i]) - borrow
            result[i] = UInt8((difference + 256) & 0xff)
            borrow = difference < 0 ? 1 : 0
        }
        return result
    }

    static func less(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        for i in 0..<32 where a[i] != b[i] { return a[i] < b[i] }
        return false
    }

    /// v mod n for v < 2n, where `carryIn` is v's bit 256.
    static func reduced(_ v: [UInt8], carryIn: Bool = false) -> [UInt8] {
        carryIn || !less(v, order) ? subtract(v, order) : v
    }
}
