import NIOCore
import NIOPosix

/// Whether a command other than `qorgan serve` (`cleanse`, `worker`, `mocks serve`) runs Swift concurrency on NIO's
/// event loops, as `qorgan serve`'s `nioExecutor` does: `QORGAN_NIO_EXECUTOR` = `true` or `false`. On by default for
/// the servers (the service and the mock registries), where it saves hand-offs: the mocks spend 8 % less CPU per
/// look-up; and for `qorgan cleanse` since its `http://` registry calls run on NIO's own connection pool: 100,000
/// rows in 39.7 and 39.0 s against 41.7 and 40.0 s on Swift's pool (736–739 against 755–789 µs of CPU per row), and
/// in a second set, with the other changes of 2026-12-07, 33.2 and 29.0 s against 31.6 and 32.9 s — no worse, the
/// host's drift as large as the difference (BENCHMARKS.md). With AsyncHTTPClient the batch had been slower on the
/// event loops (69–70 s against 56.6–64 s), so `worker` keeps Swift's pool until it is measured again.
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
