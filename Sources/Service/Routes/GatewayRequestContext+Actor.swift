import Storage

extension GatewayRequestContext {
    /// Who acts, for audit entries: the API key's name (routes under `/v1` always have one).
    var actorName: String { client?.name ?? "anonymous" }
}
