import NIOCore
import NIOPosix

/// Whether a batch command (`cleanse`, `worker`) runs Swift concurrency on NIO's event loops, as `qorgan serve`'s
/// `nioExecutor` does: `QORGAN_NIO_EXECUTOR` = `true` or `false` (default). Off by default for batches: measured on
/// 100,000 rows, 62.4 s on Swift's own pool and 70.0 s on the event loops (the CSV reading and matching then share
/// the I/O threads); on for the service, where it saves hand-offs (BENCHMARKS.md).
enum NIOExecutorChoice {
    /// The environment variable, shared with `qorgan serve`.
    static let variable = "QORGAN_NIO_EXECUTOR"

    /// Whether `environment` asks for NIO's event loops (`true`, `1`, `yes`); unset means no.
    static func isEnabled(_ environment: [String: String]) -> Bool {
        guard let value = environment[variable]?.lowercased() else { return false }
        return ["true", "1", "yes"].contains(value)
    }

    /// Installs NIO's event loops as the global executor when `environment` asks for it. Call first in `run()`.
    static func install(_ environment: [String: String]) {
        if isEnabled(environment) { NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() }
    }
}
