public import XMLSupport

/// SyncChannel v10 `typ:SendMessageResponse`: the provider's (or bus's) answer.
///
/// `info.status` is the transport status (`SCSS001`); the business result lives inside the payload.
public struct SendMessageResponse: Sendable {
    /// `response/responseInfo` (`SyncMessageInfoResponse`).
    public struct Info: Sendable, Hashable {
        /// `messageId`: this response's own id (required).
        public var messageId: String
        /// `correlationId` (optional; the bus may fill it).
        public var correlationId: String?
        /// `responseDate`: `xs:dateTime` with offset (required).
        public var responseDate: String
        /// `status` (required).
        public var status: SyncChannelStatus
        /// `sessionId` echoed from the request (optional).
        public var sessionId: String?

        /// Creates response info.
        public init(
            messageId: String, correlationId: String? = nil, responseDate: String,
            status: SyncChannelStatus = .success, sessionId: String? = nil
        ) {
            self.messageId = messageId
            self.correlationId = correlationId
            self.responseDate = responseDate
            self.status = status
            self.sessionId = sessionId
        }
    }

    /// `response/responseInfo`.
    public var info: Info
    /// `response/responseData/data`, optional.
    public var payload: SyncChannelPayload?

    /// Creates a response.
    public init(info: Info, payload: SyncChannelPayload?) {
        self.info = info
        self.payload = payload
    }

    /// Reads the response from an envelope's Body.
    ///
    /// - Throws: ``SOAPError/unexpectedContent`` when the Body holds something else (a fault: read it with
    ///   ``SyncChannelFault``), ``SOAPError/missingElement`` for a missing required field.
    public init(envelope: SOAPEnvelope) throws {
        guard let operation = envelope.bodyContent,
            operation.hasName(namespace: SOAPNamespace.syncChannelTypes, localName: "SendMessageResponse")
        else { throw SOAPError.unexpected("Body/SendMessageResponse") }
        let response = try operation.requiredChild("response", path: "SendMessageResponse")
        let info = try response.requiredChild("responseInfo", path: "response")
        let status = try info.requiredChild("status", path: "responseInfo")
        self.info = Info(
            messageId: try info.requiredText("messageId", path: "responseInfo"),
            correlationId: info.optionalText("correlationId"),
            responseDate: try info.requiredText("responseDate", path: "responseInfo"),
            status: SyncChannelStatus(
                code: try status.requiredText("code", path: "responseInfo/status"),
                message: status.optionalText("message") ?? ""
            ),
            sessionId: info.optionalText("sessionId")
        )
        self.payload = response.firstChild(namespace: nil, localName: "responseData")
            .flatMap(SyncChannelData.find(in:)).map(SyncChannelPayload.received)
    }

    /// Writes `<typ:SendMessageResponse>…</typ:SendMessageResponse>` (declares its own namespace).
    ///
    /// - Throws: ``XMLError`` only when re-serialising a ``SyncChannelPayload/received(_:)`` payload fails.
    public func write(into writer: inout XMLWriter) throws {
        writer.startElement("SendMessageResponse", prefix: "typ")
        writer.declareNamespace(prefix: "typ", uri: SOAPNamespace.syncChannelTypes)
        writer.startElement("response")
        writer.startElement("responseInfo")
        writer.element("messageId", text: info.messageId)
        writer.optionalElement("correlationId", text: info.correlationId)
        writer.element("responseDate", text: info.responseDate)
        writer.startElement("status")
        writer.element("code", text: info.status.code)
        writer.element("message", text: info.status.message)
        writer.endElement()
        writer.optionalElement("sessionId", text: info.sessionId)
        writer.endElement()
        writer.startElement("responseData")
        try payload?.write(into: &writer)
        writer.endElement()
        writer.endElement()
        writer.endElement()
    }

    /// The response as an unsigned SOAP envelope.
    public func envelope() throws -> [UInt8] {
        var failure: (any Error)?
        let bytes = SOAPEnvelopeWriter.envelope { writer in
            do { try write(into: &writer) } catch { failure = error }
        }
        if let failure { throw failure }
        return bytes
    }
}
