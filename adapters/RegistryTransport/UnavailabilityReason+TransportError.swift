public import Verification

extension UnavailabilityReason {
    /// Why a registry is unavailable, from the transport failure that made it so.
    ///
    /// The one mapping every adapter uses (SOAP and JSON alike), so a timeout or an open breaker reads the same
    /// in every registry's evidence and metrics.
    public init(_ error: RegistryTransportError) {
        if error == .timeout {
            self = .timeout
        } else if error == .connection {
            self = .connection
        } else if error == .breakerOpen {
            self = .circuitOpen
        } else if error == .rateLimited {
            self = .rateLimited
        } else if error == .cancelled {
            self = .cancelled
        } else if error == .authentication() {
            self = .authentication(error.description)
        } else if error == .httpStatus(0), let status = error.status {
            self = .httpStatus(status)
        } else {
            self = .other(error.shortDescription)
        }
    }
}
