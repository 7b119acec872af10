public import XMLSupport

/// The SyncChannel fault: a SOAP 1.1 fault whose `detail` holds
/// `typ:SendMessageFault1_SendMessageFault` (`cmn:ErrorInfo`).
public struct SyncChannelFault: Error, Sendable {
    /// `cmn:ErrorInfo` (children unqualified, in schema order).
    public struct ErrorInfo: Sendable, Hashable {
        /// `errorCode`: a free string chosen by the raiser (required).
        public var errorCode: String
        /// `errorMessage` (required).
        public var errorMessage: String
        /// `errorData` (optional).
        public var errorData: String?
        /// `errorDate`: `xs:dateTime` (required).
        public var errorDate: String
        /// `sessionId` (optional).
        public var sessionId: String?
        private var nested: [ErrorInfo]

        /// `subError`: the nested cause, if any.
        public var subError: ErrorInfo? {
            get { nested.first }
            set { nested = newValue.map { [$0] } ?? [] }
        }

        /// Creates error info.
        public init(
            errorCode: String, errorMessage: String, errorData: String? = nil, errorDate: String,
            subError: ErrorInfo? = nil, sessionId: String? = nil
        ) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.errorData = errorData
            self.errorDate = errorDate
            self.sessionId = sessionId
            self.nested = subError.map { [$0] } ?? []
        }

        init(element: XMLElement, depth: Int = 0) throws {
            guard depth < 8 else { throw SOAPError.unexpected("ErrorInfo/subError") }
            errorCode = try element.requiredText("errorCode", path: "ErrorInfo")
            errorMessage = element.optionalText("errorMessage") ?? ""
            errorData = element.optionalText("errorData")
            errorDate = element.optionalText("errorDate") ?? ""
            nested = try element.firstChild(namespace: nil, localName: "subError")
                .map { [try ErrorInfo(element: $0, depth: depth + 1)] } ?? []
            sessionId = element.optionalText("sessionId")
        }

        func writeContent(into writer: inout XMLWriter) {
            writer.element("errorCode", text: errorCode)
            writer.element("errorMessage", text: errorMessage)
            writer.optionalElement("errorData", text: errorData)
            writer.element("errorDate", text: errorDate)
            if let subError {
                writer.startElement("subError")
                subError.writeContent(into: &writer)
                writer.endElement()
            }
            writer.optionalElement("sessionId", text: sessionId)
        }
    }

    /// The SOAP fault around it (`faultcode`, `faultstring`).
    public var fault: SOAPFault
    /// The SyncChannel error detail; `nil` when the fault carries none (e.g. a bare bus fault).
    public var errorInfo: ErrorInfo?

    /// Creates a fault; `faultstring` defaults to the error message.
    public init(code: SOAPFault.Code = .server, errorInfo: ErrorInfo, faultString: String? = nil) {
        self.fault = SOAPFault(code: code, string: faultString ?? errorInfo.errorMessage)
        self.errorInfo = errorInfo
    }

    /// Reads the fault from an envelope, or returns `nil` when the Body holds no fault.
    ///
    /// - Throws: ``SOAPError/missingElement`` when the fault or its ErrorInfo lacks required fields.
    public init?(envelope: SOAPEnvelope) throws {
        guard let fault = try envelope.fault() else { return nil }
        self.fault = fault
        if let detail = fault.detail,
            detail.hasName(namespace: SOAPNamespace.syncChannelTypes, localName: "SendMessageFault1_SendMessageFault")
        {
            errorInfo = try ErrorInfo(element: detail)
        } else {
            errorInfo = nil
        }
    }

    /// The fault as a SOAP envelope.
    public func envelope() -> [UInt8] {
        SOAPEnvelopeWriter.envelope { writer in write(into: &writer) }
    }

    /// Writes `<soap:Fault>` with the ErrorInfo detail.
    public func write(into writer: inout XMLWriter) {
        guard let errorInfo else { return fault.write(into: &writer) }
        fault.write(into: &writer) { writer in
            writer.startElement("SendMessageFault1_SendMessageFault", prefix: "typ")
            writer.declareNamespace(prefix: "typ", uri: SOAPNamespace.syncChannelTypes)
            errorInfo.writeContent(into: &writer)
            writer.endElement()
        }
    }
}
