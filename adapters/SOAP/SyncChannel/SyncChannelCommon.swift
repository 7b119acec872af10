import XMLSupport

/// `cmn:SenderInfo`: the consumer system's login on the bus.
///
/// `description` masks the password, so the value can be printed in diagnostics.
public struct SyncChannelSender: Sendable, Hashable, CustomStringConvertible {
    /// `senderId`: login issued to the consumer system.
    public var senderId: String
    /// `password`: plain text inside the (signed) Body — never log it.
    public var password: String

    /// Creates sender credentials.
    public init(senderId: String, password: String) {
        self.senderId = senderId
        self.password = password
    }

    public var description: String { "SyncChannelSender(senderId: \(senderId), password: ***)" }
}

/// `cmn:Property`: one key/value pair in `requestInfo/properties`.
public struct SyncChannelProperty: Sendable, Hashable {
    /// `key`, e.g. `CONNECTOR_CLIENT`.
    public var key: String
    /// `value`.
    public var value: String

    /// Creates a property.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// `cmn:StatusInfo`: the bus-level (transport) status of a response, e.g. `SCSS001`.
public struct SyncChannelStatus: Sendable, Hashable {
    /// `code`, e.g. `SCSS001`.
    public var code: String
    /// `message`, e.g. "Message has been processed successfully".
    public var message: String

    /// Creates a status.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// `SCSS001` "Message has been processed successfully".
    public static let success = SyncChannelStatus(code: "SCSS001", message: "Message has been processed successfully")
}

// MARK: - Reading helpers

extension XMLElement {
    /// The text of the required unqualified child `name`; `path` names it in the error.
    func requiredText(_ name: String, path: String) throws -> String {
        guard let child = firstChild(namespace: nil, localName: name) else { throw SOAPError.missing("\(path)/\(name)") }
        let text = child.text
        guard !text.isEmpty else { throw SOAPError.missing("\(path)/\(name)") }
        return text
    }

    /// The text of the optional unqualified child `name`.
    func optionalText(_ name: String) -> String? {
        firstChild(namespace: nil, localName: name)?.text
    }

    /// The required unqualified child `name`.
    func requiredChild(_ name: String, path: String) throws -> XMLElement {
        guard let child = firstChild(namespace: nil, localName: name) else { throw SOAPError.missing("\(path)/\(name)") }
        return child
    }
}
