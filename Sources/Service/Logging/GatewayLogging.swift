public import Logging
import Synchronization

/// Installs ``JSONLogHandler`` as the process's logging backend — for the executable only (libraries accept a
/// logger, they never create the backend). Safe to call more than once: only the first call bootstraps.
public enum GatewayLogging {
    private static let bootstrapped = Atomic<Bool>(false)

    /// Bootstraps swift-log with JSON lines at `level` to `destination` the first time it is called in the
    /// process and returns `true`; later calls change nothing and return `false`.
    @discardableResult
    public static func bootstrap(level: Logger.Level = .info, destination: JSONLogHandler.Destination = .standardError) -> Bool {
        guard bootstrapped.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            return false
        }
        LoggingSystem.bootstrap { label in
            JSONLogHandler(label: label, destination: destination, level: level)
        }
        return true
    }
}
