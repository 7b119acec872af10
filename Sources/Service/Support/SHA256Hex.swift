import Crypto
import Foundation

/// Lowercase hex SHA-256 of `bytes`: API-key hashes, consent-code hashes, request fingerprints.
func sha256Hex(_ bytes: some DataProtocol) -> String {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in SHA256.hash(data: bytes) {
        text.append(hex[Int(byte >> 4)])
        text.append(hex[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
}
