/// The circuit breaker's state machine, as a value: no clock, no locks — time comes in as an argument, so it is
/// tested without sleeping.
///
/// ```
/// closed ──N consecutive failures──► open ──cool-down passed, next call──► halfOpen (probe)
///   ▲                                  ▲                                      │
///   └──────────── probe succeeds ──────┼──────────────────────────────────────┘
///                                      └──────────── probe fails ─────────────┘
/// ```
/// While open, calls are refused at once (`breakerOpen`), so a dead registry costs nothing. In half-open, only
/// ``Configuration/halfOpenProbes`` calls pass; the first outcome decides.
public struct CircuitBreaker: Sendable, Hashable {
    /// When the breaker opens and how long it stays open.
    public struct Configuration: Sendable, Hashable {
        /// Consecutive failures that open the breaker. Default: 5.
        public var failureThreshold: Int
        /// How long the breaker stays open before it lets a probe through. Default: 10 seconds.
        public var coolDown: Duration
        /// Calls let through while half-open. Default: 1.
        public var halfOpenProbes: Int

        /// Creates a configuration (defaults: 5 failures, 10 s cool-down, 1 probe).
        public init(failureThreshold: Int = 5, coolDown: Duration = .seconds(10), halfOpenProbes: Int = 1) {
            self.failureThreshold = failureThreshold
            self.coolDown = coolDown
            self.halfOpenProbes = halfOpenProbes
        }

        /// 5 consecutive failures, 10 s cool-down, 1 probe.
        public static let `default` = Configuration()
        /// Never opens (threshold `Int.max`).
        public static let disabled = Configuration(failureThreshold: .max)
    }

    /// Where the breaker stands.
    public enum State: Sendable, Hashable {
        /// Calls pass; `failures` consecutive failures so far.
        case closed(failures: Int)
        /// Calls are refused until `until`.
        case open(until: ContinuousClock.Instant)
        /// Probing: `probes` calls let through and not yet decided.
        case halfOpen(probes: Int)

        /// A label from a fixed set: `closed`, `open`, `half_open`.
        public var label: String {
            switch self {
            case .closed: "closed"
            case .open: "open"
            case .halfOpen: "half_open"
            }
        }

        /// The gauge value: 0 closed, 1 half-open, 2 open.
        public var gaugeValue: Int {
            switch self {
            case .closed: 0
            case .halfOpen: 1
            case .open: 2
            }
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// The current state.
    public private(set) var state: State

    /// A closed breaker.
    public init(configuration: Configuration = .default) {
        self.configuration = configuration
        self.state = .closed(failures: 0)
    }

    /// Asks to make a call at `now`; `true` when it may go ahead (then report its outcome with
    /// ``recordSuccess()`` or ``recordFailure(at:)``).
    public mutating func acquire(at now: ContinuousClock.Instant) -> Bool {
        switch state {
        case .closed:
            return true
        case .open(let until):
            guard now >= until else { return false }
            state = .halfOpen(probes: 1)
            return true
        case .halfOpen(let probes):
            guard probes < max(1, configuration.halfOpenProbes) else { return false }
            state = .halfOpen(probes: probes + 1)
            return true
        }
    }

    /// A call succeeded: the breaker closes and the failure count resets.
    public mutating func recordSuccess() {
        state = .closed(failures: 0)
    }

    /// A call failed at `now`: counts towards the threshold; a failed probe reopens at once.
    public mutating func recordFailure(at now: ContinuousClock.Instant) {
        switch state {
        case .closed(let failures):
            let count = failures + 1
            state = count >= configuration.failureThreshold ? .open(until: now.advanced(by: configuration.coolDown)) : .closed(failures: count)
        case .halfOpen:
            state = .open(until: now.advanced(by: configuration.coolDown))
        case .open:
            break
        }
    }

    /// A call that was let through ended without a verdict on the registry's health (cancelled by the caller): a
    /// half-open probe slot is released, nothing else changes.
    public mutating func recordAbandoned() {
        if case .halfOpen(let probes) = state { state = .halfOpen(probes: max(0, probes - 1)) }
    }
}
