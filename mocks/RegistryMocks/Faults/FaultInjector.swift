import Population
import Synchronization

/// The live fault state of one mock: the configuration in force and its seeded generator.
///
/// Shared by the mock's request handlers and its control endpoint; all state sits behind a `Mutex`.
final class FaultInjector: Sendable {
    /// What to do with one request.
    struct Decision: Sendable {
        /// Delay before answering.
        var delay: Duration
        /// The fault to inject, or `nil` to answer normally.
        var mode: FaultMode?
        /// The configuration the decision was drawn from.
        var configuration: FaultConfiguration
    }

    private struct State {
        var configuration: FaultConfiguration
        var random: SplitMix64
    }

    private let state: Mutex<State>

    init(_ configuration: FaultConfiguration) {
        state = Mutex(State(configuration: configuration, random: SplitMix64(seed: configuration.seed)))
    }

    /// The configuration in force.
    var configuration: FaultConfiguration { state.withLock { $0.configuration } }

    /// Replaces the configuration and reseeds the generator.
    func update(_ configuration: FaultConfiguration) {
        state.withLock { $0 = State(configuration: configuration, random: SplitMix64(seed: configuration.seed)) }
    }

    /// Draws the decision for the next request.
    func decide() -> Decision {
        state.withLock { state in
            let configuration = state.configuration
            let milliseconds = configuration.latency.sample(using: &state.random)
            var mode: FaultMode?
            if let configured = configuration.mode {
                if configuration.rate >= 1 {
                    mode = configured
                } else if configuration.rate > 0, state.random.nextUnit() < configuration.rate {
                    mode = configured
                }
            }
            return Decision(delay: .microseconds(Int64(milliseconds * 1000)), mode: mode, configuration: configuration)
        }
    }
}
