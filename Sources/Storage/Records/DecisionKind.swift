/// Which gateway check produced a decision.
public enum DecisionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// IIN validation at registration (`POST /v1/registrations/verify`).
    case registration
    /// The gate before a voucher activates (`POST /v1/voucher-activations`).
    case voucherActivation = "voucher-activation"
    /// Provider qualification (`POST /v1/provider-checks`).
    case providerCheck = "provider-check"
}
