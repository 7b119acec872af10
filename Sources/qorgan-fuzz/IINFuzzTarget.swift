import Identifiers

/// The IIN and BIN parsers: the string and the ASCII-digit paths must agree, and an accepted identifier must
/// read back from its own text.
enum IINFuzzTarget: FuzzTarget {
    static let name = "iin"

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let parsed = try? IIN(text)
        if let parsed {
            guard (try? IIN(parsed.unmasked)) == parsed else { preconditionFailure("an accepted IIN does not read back from its text") }
        }
        if bytes.count == 12, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let fast = try? IIN(asciiDigits: bytes)
            guard fast == parsed else { preconditionFailure("the ASCII-digit path and the string path disagree") }
            switch IIN.validate(asciiDigits: bytes) {
            case .success(let iin): guard iin == fast else { preconditionFailure("validate and init disagree") }
            case .failure: guard fast == nil else { preconditionFailure("validate refused what init accepted") }
            }
        }
        if let bin = try? BIN(text) {
            guard (try? BIN(bin.text)) == bin else { preconditionFailure("an accepted BIN does not read back from its text") }
        }
    }
}
