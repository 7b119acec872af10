import Foundation
import Service
import Storage
import Testing

@Suite struct APIKeyIssuerTests {
    @Test("issued keys are qk_ + 43 base64url characters, distinct, and the record holds their hash")
    func format() {
        let issuer = APIKeyIssuer()
        let first = issuer.issue(name: "a", role: .registrar)
        let second = issuer.issue(name: "b", role: .operator)
        #expect(first.key.hasPrefix("qk_"))
        #expect(first.key.count == 3 + 43)
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(first.key.dropFirst(3).allSatisfy { alphabet.contains($0) })
        #expect(first.key != second.key)
        #expect(first.record.id != second.record.id)
        #expect(first.record.id.hasPrefix("key_"))
        #expect(first.record.keyHash == APIKeyCredential.hash(first.key))
        #expect(first.hash == first.record.keyHash)
        #expect(second.record.role == .operator)
        #expect(first.record.revokedAt == nil)
    }
}
