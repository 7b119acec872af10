/// What goes wrong when a fault is injected into a request.
///
/// Modes that do not apply to a mock's protocol are ignored by it (answered normally): `wrongSignature` and
/// `malformedXML` only for SOAP mocks, `expiredToken`/`invalidToken` only for `health`.
public enum FaultMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// SOAP mocks: a SyncChannel fault `MOCK-INTERNAL` (HTTP 500); REST mocks: HTTP 500 with a problem document.
    case error
    /// SOAP mocks: a SyncChannel fault with ``FaultConfiguration/faultCode`` and ``FaultConfiguration/faultMessage``
    /// (HTTP 500); REST mocks: like ``error``.
    case soapFault
    /// HTTP 500 with a plain-text body (no SOAP envelope, no JSON), as a broken proxy answers.
    case http500
    /// No answer until ``FaultConfiguration/hangSeconds`` pass (the client's timeout should fire first); then the connection is closed.
    case hang
    /// SOAP mocks: HTTP 200 with a truncated, unparseable envelope; REST mocks: truncated JSON.
    case malformedXML
    /// SOAP mocks: a well-formed response signed by a key outside the trust set the client was given.
    case wrongSignature
    /// HTTP 429 with `Retry-After: ` ``FaultConfiguration/retryAfterSeconds``.
    case tooManyRequests
    /// The connection is reset (TCP RST) without any response.
    case connectionReset
    /// `health`: tokens are issued already expired, so the API answers 401 `invalid_token` (token expired).
    case expiredToken
    /// `health`: every bearer token is rejected with 401 `invalid_token`.
    case invalidToken
}
