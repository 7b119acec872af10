internal import CLibXML2

/// Process-wide libxml2 set-up and the per-call error silencing every libxml2 entry point goes through.
///
/// libxml2 is initialised exactly once (`xmlInitParser` is not safe to race with parsing); after that no
/// global state is touched per call. Errors libxml2 raises outside a parser context (encoding, C14N, I/O)
/// would go to its *thread-local* structured handler or, failing that, to stderr; ``withQuietErrors(_:)``
/// installs a silent thread-local handler for the duration of one synchronous call and restores the
/// previous one, so library code never prints.
enum LibXML2Runtime {
    /// Evaluated once, thread-safely, by the Swift runtime (global `let` initialisation).
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Makes sure `xmlInitParser()` ran. Cheap after the first call.
    @inline(__always)
    static func ensureInitialised() {
        _ = initialised
    }

    /// Runs `body` with libxml2's thread-local structured error handler set to a silent one.
    static func withQuietErrors<Result>(_ body: () throws -> Result) rethrows -> Result {
        ensureInitialised()
        let handlerSlot = __xmlStructuredError()
        let contextSlot = __xmlStructuredErrorContext()
        let savedHandler = handlerSlot?.pointee
        let savedContext = contextSlot?.pointee
        handlerSlot?.pointee = silentStructuredError
        contextSlot?.pointee = nil
        defer {
            handlerSlot?.pointee = savedHandler
            contextSlot?.pointee = savedContext
        }
        return try body()
    }
}

/// A structured error handler that drops the error (the parser context keeps its own copy).
private let silentStructuredError: xmlStructuredErrorFunc = { _, _ in }
