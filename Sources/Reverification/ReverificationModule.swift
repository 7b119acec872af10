// The Reverification module: re-checking active vouchers, cross-registry contradictions, provider anomalies.
