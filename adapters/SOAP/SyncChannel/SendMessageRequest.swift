public import XMLSupport

/// SyncChannel v10 `typ:SendMessage`: what a consumer sends to the bus and the bus to a provider.
///
/// Only `SendMessage` is namespace-qualified; `request` and everything below it are unqualified.
/// Fields are written in schema order (`shep.md`).
public struct SendMessageRequest: Sendable {
    /// `request/requestInfo` (`SyncMessageInfo`).
    public struct Info: Sendable, Hashable {
        /// `messageId`: a fresh UUID per message (required).
        public var messageId: String
        /// `correlationId` (optional).
        public var correlationId: String?
        /// `serviceId`: the service code registered on the bus (required).
        public var serviceId: String
        /// `messageDate`: `xs:dateTime` with offset, e.g. `2025-02-03T10:15:00.000+05:00` (required).
        public var messageDate: String
        /// `userId` (optional).
        public var userId: String?
        /// `routeId` (optional).
        public var routeId: String?
        /// `sender` (required).
        public var sender: SyncChannelSender
        /// `properties`, 0…n.
        public var properties: [SyncChannelProperty]
        /// `sessionId` (optional; often `{uuid}` with braces).
        public var sessionId: String?

        /// Creates request info; optional fields default to absent.
        public init(
            messageId: String, correlationId: String? = nil, serviceId: String, messageDate: String,
            userId: String? = nil, routeId: String? = nil, sender: SyncChannelSender,
            properties: [SyncChannelProperty] = [], sessionId: String? = nil
        ) {
            self.messageId = messageId
            self.correlationId = correlationId
            self.serviceId = serviceId
            self.messageDate = messageDate
            self.userId = userId
            self.routeId = routeId
            self.sender = sender
            self.properties = properties
            self.sessionId = sessionId
        }
    }

    /// `request/requestInfo`.
    public var info: Info
    /// `request/requestData/data`; `nil` writes an empty `requestData`.
    public var payload: SyncChannelPayload?

    /// Creates a request.
    public init(info: Info, payload: SyncChannelPayload?) {
        self.info = info
        self.payload = payload
    }

    // MARK: - Reading

    /// Reads the request from an envelope's Body.
    ///
    /// - Throws: ``SOAPError/unexpectedContent`` when the Body holds something else,
    ///   ``SOAPError/missingElement`` for a missing required field.
    public init(envelope: SOAPEnvelope) throws {
        guard let operation = envelope.bodyContent,
            operation.hasName(namespace: SOAPNamespace.syncChannelTypes, localName: "SendMessage")
        else { throw SOAPError.unexpected("Body/SendMessage") }
        let request = try operation.requiredChild("request", path: "SendMessage")
        let info = try request.requiredChild("requestInfo", path: "request")
        let sender = try info.requiredChild("sender", path: "requestInfo")
        self.info = Info(
            messageId: try info.requiredText("messageId", path: "requestInfo"),
            correlationId: info.optionalText("correlationId"),
            serviceId: try info.requiredText("serviceId", path: "requestInfo"),
            messageDate: try info.requiredText("messageDate", path: "requestInfo"),
            userId: info.optionalText("userId"),
            routeId: info.optionalText("routeId"),
            sender: SyncChannelSender(
                senderId: try sender.requiredText("senderId", path: "requestInfo/sender"),
                password: sender.optionalText("password") ?? ""
            ),
            properties: try info.children(namespace: nil, localName: "properties").map { property in
                SyncChannelProperty(
                    key: try property.requiredText("key", path: "requestInfo/properties"),
                    value: property.optionalText("value") ?? ""
                )
            },
            sessionId: info.optionalText("sessionId")
        )
        self.payload = request.firstChild(namespace: nil, localName: "requestData")
            .flatMap(SyncChannelData.find(in:)).map(SyncChannelPayload.received)
    }

    // MARK: - Writing

    /// Writes `<typ:SendMessage>…</typ:SendMessage>` (declares its own namespace).
    ///
    /// - Throws: ``XMLError`` only when re-serialising a ``SyncChannelPayload/received(_:)`` payload fails.
    public func write(into writer: inout XMLWriter) throws {
        writer.startElement("SendMessage", prefix: "typ")
        writer.declareNamespace(prefix: "typ", uri: SOAPNamespace.syncChannelTypes)
        writer.startElement("request")
        writer.startElement("requestInfo")
        writer.element("messageId", text: info.messageId)
        writer.optionalElement("correlationId", text: info.correlationId)
        writer.element("serviceId", text: info.serviceId)
        writer.element("messageDate", text: info.messageDate)
        writer.optionalElement("userId", text: info.userId)
        writer.optionalElement("routeId", text: info.routeId)
        writer.startElement("sender")
        writer.element("senderId", text: info.sender.senderId)
        writer.element("password", text: info.sender.password)
        writer.endElement()
        for property in info.properties {
            writer.startElement("properties")
            writer.element("key", text: property.key)
            writer.element("value", text: property.value)
            writer.endElement()
        }
        writer.optionalElement("sessionId", text: info.sessionId)
        writer.endElement()
        writer.startElement("requestData")
        try payload?.write(into: &writer)
        writer.endElement()
        writer.endElement()
        writer.endElement()
    }

    /// The request as an unsigned SOAP envelope.
    public func envelope() throws -> [UInt8] {
        var failure: (any Error)?
        let bytes = SOAPEnvelopeWriter.envelope { writer in
            do { try write(into: &writer) } catch { failure = error }
        }
        if let failure { throw failure }
        return bytes
    }
}
