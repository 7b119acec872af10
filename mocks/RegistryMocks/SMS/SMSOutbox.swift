import Foundation
import Synchronization

/// The SMS mock's memory: every accepted message, in order.
final class SMSOutbox: Sendable {
    private let messages = Mutex<[SMSMessage]>([])

    func append(_ message: SMSMessage) { messages.withLock { $0.append(message) } }

    func message(id: String) -> SMSMessage? { messages.withLock { $0.first { $0.id == id } } }

    var all: [SMSMessage] { messages.withLock { $0 } }

    func removeAll() { messages.withLock { $0.removeAll() } }
}
