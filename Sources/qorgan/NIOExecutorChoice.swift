import NIOCore
import NIOPosix

/// Whether a command other than `qorgan serve` (`cleanse`, `worker`, `mocks serve`) runs Swift concurrency on NIO's
/// event loops, as `qorgan serve`'s `nioExecutor` does: `QORGAN_NIO_EXECUTOR` = `true` or `false`. Off by default for
/// batches: measured on 100,000 rows, 56.6–64 s on Swift's own pool and 69–70 s on the event loops (the CSV reading
/// and matching then share the I/O threads); on by default for the servers (the service and the mock registries),
/// where it saves hand-offs: the mocks spend 8 % less CPU per look-up (BENCHMARKS.md).
enum NIOExecutorChoice {
    /// The environment variable, shared with `qorgan serve`.
    static let variable = "QORGAN_NIO_EXECUTOR"

    /// Whether `environment` asks for NIO's event loops (`true`, `1`, `yes`; `false`, `0`, `no`); unset means
    /// `byDefault`.
    static func isEnabled(_ environment: [String: String], byDefault: Bool = false) -> Bool {
        guard let value = environment[variable]?.lowercased() else { return byDefault }
        if ["true", "1", "yes"].contains(value) { return true }
        if ["false", "0", "no"].contains(value) { return false }
        return byDefault
    }

    /// Installs NIO's event loops as the global executor when `environment` asks for it (or, unset, when
    /// `byDefault`). Call first in `run()`.
    static func install(_ environment: [String: String], byDefault: Bool = false) {
        if isEnabled(environment, byDefault: byDefault) {
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
    }
}
