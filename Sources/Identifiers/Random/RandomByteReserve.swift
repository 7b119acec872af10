#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Random bytes from the kernel's CSPRNG, read a page at a time and handed out 8 bytes at a time, so that the
/// several identifiers and nonces every message and decision needs cost one system call per few hundred of them
/// instead of one or two each.
///
/// The bytes come from `/dev/urandom`, kept open (the same generator as `getrandom` and
/// `SystemRandomNumberGenerator`); each byte is handed out once. When the device cannot be opened or read, every
/// piece is drawn from `SystemRandomNumberGenerator` instead. The process never forks after start, so no two
/// processes share a reserve.
final class RandomByteReserve: Sendable {
    /// The process-wide reserve.
    static let shared = RandomByteReserve()

    /// Bytes read per refill. 4 KiB.
    static let refillBytes = 4_096

    private struct State {
        var words: [UInt64] = []
        var position = 0
        var descriptor: Int32
    }

    private let state: Mutex<State>

    init() {
        state = Mutex(State(descriptor: open("/dev/urandom", O_RDONLY | O_CLOEXEC)))
    }

    /// The next 8 unused random bytes.
    func next8() -> UInt64 {
        state.withLock { state in
            if state.position >= state.words.count, !Self.refill(&state) {
                var generator = SystemRandomNumberGenerator()
                return generator.next()
            }
            defer { state.position += 1 }
            return state.words[state.position]
        }
    }

    /// Reads a fresh page into `state`; `false` when the device is unavailable.
    private static func refill(_ state: inout State) -> Bool {
        guard state.descriptor >= 0 else { return false }
        if state.words.count != refillBytes / 8 { state.words = Array(repeating: 0, count: refillBytes / 8) }
        let descriptor = state.descriptor
        let complete = state.words.withUnsafeMutableBytes { raw -> Bool in
            var filled = 0
            while filled < raw.count {
                let count = read(descriptor, raw.baseAddress! + filled, raw.count - filled)
                if count > 0 {
                    filled += count
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
        guard complete else {
            close(descriptor)
            state.descriptor = -1
            state.words = []
            return false
        }
        state.position = 0
        return true
    }
}
