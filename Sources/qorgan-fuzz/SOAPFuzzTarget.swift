import SOAP

/// The SOAP 1.1 envelope and the SyncChannel request/response readers the mocks and adapters use on untrusted
/// answers: refuse or read, never crash.
enum SOAPFuzzTarget: FuzzTarget {
    static let name = "soap"

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let envelope = try? SOAPEnvelope(parsing: bytes) else { return }
        _ = try? envelope.fault()
        _ = try? SendMessageRequest(envelope: envelope)
        _ = try? SendMessageResponse(envelope: envelope)
    }
}
