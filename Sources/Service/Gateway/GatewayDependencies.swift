public import Foundation
public import Logging
public import Matching
public import RegistryAdapters
public import Storage
public import Verification

/// What the business routes need: the registries, the store, the key that turns IINs into lookup hashes, the match
/// model, a clock, the batch job scheduler, and the (cached) provider status port of the voucher gate.
public struct GatewayDependencies: Sendable {
    /// Every registry port.
    public var registries: RegistryAdapterSet
    /// Decisions, reviews, vouchers, consents, audit.
    public var store: any GatewayStore
    /// Keyed hashes of IINs (the store's lookup key).
    public var protector: PersonalDataProtector
    /// The match model.
    public var model: MatchModel
    /// Consent codes: lifetime and attempts. Defaults: 5 minutes, 5 attempts.
    public var consent: ConsentSettings
    /// Now (injectable for tests).
    public var now: @Sendable () -> Date
    /// Runs the `/v1/batches` jobs (run its ``BatchJobScheduler/run()`` beside the application). Default `nil`: the
    /// batch routes answer 503 `BATCHES_DISABLED`.
    public var batches: BatchJobScheduler?
    /// The business registry the voucher gate asks for the provider's status. Default `registries.business`;
    /// `qorgan serve` puts a ``CachedBusinessRegistry`` in front of it (`providerStatusCacheSeconds`). Provider
    /// qualification checks always use `registries.business`.
    public var providerStatus: any BusinessRegistry
    /// Subjects known to have confirmed their consent (positive answers only; see ``ConfirmedConsentCache``).
    /// Default: a cache of 100,000 subjects per generation.
    public var confirmedConsents: ConfirmedConsentCache

    /// Creates the dependencies.
    public init(
        registries: RegistryAdapterSet, store: any GatewayStore, protector: PersonalDataProtector, model: MatchModel = .default,
        consent: ConsentSettings = .init(), now: @escaping @Sendable () -> Date = { Date() }, batches: BatchJobScheduler? = nil,
        providerStatus: (any BusinessRegistry)? = nil, confirmedConsents: ConfirmedConsentCache = ConfirmedConsentCache()
    ) {
        self.confirmedConsents = confirmedConsents
        self.batches = batches
        self.providerStatus = providerStatus ?? registries.business
        self.registries = registries
        self.store = store
        self.protector = protector
        self.model = model
        self.consent = consent
        self.now = now
    }
}

/// One-time consent codes.
public struct ConsentSettings: Sendable, Hashable {
    /// How long a code works. Default 5 minutes.
    public var codeLifetime: TimeInterval
    /// Wrong codes allowed before the consent is locked. Default 5.
    public var maximumAttempts: Int

    /// Creates settings (defaults as documented).
    public init(codeLifetime: TimeInterval = 300, maximumAttempts: Int = 5) {
        self.codeLifetime = codeLifetime
        self.maximumAttempts = maximumAttempts
    }
}
