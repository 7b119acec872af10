internal import CLibXML2
internal import CXMLArena
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process-wide libxml2 set-up and the per-call error silencing every libxml2 entry point goes through.
///
/// libxml2 is initialised exactly once (`xmlInitParser` is not safe to race with parsing); after that no
/// global state is touched per call. Errors libxml2 raises outside a parser context (encoding, C14N, I/O)
/// would go to its *thread-local* structured handler or, failing that, to stderr; ``withQuietErrors(_:)``
/// installs a silent thread-local handler for the duration of one synchronous call and restores the
/// previous one, so library code never prints.
enum LibXML2Runtime {
    /// Evaluated once, thread-safely, by the Swift runtime (global `let` initialisation): libxml2's allocation
    /// functions become the arena-aware ones (unless `QORGAN_XML_ARENA` is `0`, `false` or `no`), then the parser
    /// is initialised — both before any other libxml2 call, as `xmlMemSetup` asks.
    private static let initialised: Bool = {
        if usesArenas {
            xmlMemSetup(qorgan_xml_arena_free, qorgan_xml_arena_malloc, qorgan_xml_arena_realloc, qorgan_xml_arena_strdup)
        }
        xmlInitParser()
        return true
    }()

    /// Whether parses allocate their trees in per-document arenas (``XMLDocument``): on unless the environment
    /// variable `QORGAN_XML_ARENA` is `0`, `false` or `no` (read once, at the first use of libxml2).
    static let usesArenas: Bool = {
        guard let value = getenv("QORGAN_XML_ARENA").map({ String(cString: $0).lowercased() }) else { return true }
        return !["0", "false", "no"].contains(value)
    }()

    /// Starts a per-document arena on this thread when arenas are in use (``XMLDocument``); `nil` otherwise or
    /// when none is available, and then the parse allocates with `malloc` as usual.
    static func beginArena() -> OpaquePointer? {
        ensureInitialised()
        return usesArenas ? qorgan_xml_arena_begin() : nil
    }

    /// Stops allocating in the arena `beginArena()` started on this thread (its blocks stay valid).
    static func endArena(_ arena: OpaquePointer?) {
        if arena != nil { qorgan_xml_arena_end() }
    }

    /// Frees a document's tree and then gives its arena's chunks back.
    static func freeDocument(_ document: xmlDocPtr, arena: OpaquePointer?) {
        xmlFreeDoc(document)
        releaseArena(arena)
    }

    /// Gives an arena's chunks back (every pointer into it is invalid afterwards); `nil` does nothing.
    static func releaseArena(_ arena: OpaquePointer?) {
        if let arena { qorgan_xml_arena_release(arena) }
    }

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
