public import Storage

extension ServiceProblem {
    /// The problem a store failure answers with: not found → 404, conflict → 409, a database or migration fault →
    /// 503 (retry later), an unreadable payload → 500. Store messages are free of personal data by contract.
    public init(storeError error: StoreError) {
        switch error {
        case .notFound(let kind, _):
            self = .notFound("No such \(kind).")
        case .conflict(let message):
            self = .conflict(message)
        case .database, .migration:
            self = .serviceUnavailable("The store cannot answer now.", code: "STORE_UNAVAILABLE", retryAfter: .seconds(1))
        case .payloadUnreadable:
            self = .internalError
        }
    }
}
