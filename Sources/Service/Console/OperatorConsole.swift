public import Foundation
import Hummingbird
public import Logging
public import Storage

/// The operator console: server-rendered pages under `/console` for akimat operators and auditors — the review queue,
/// batch jobs, one-IIN lookup, re-verification contradictions and anomalies, registry health and the audit log — in
/// Russian and Kazakh.
///
/// Login is by pasting an operator or auditor API key (looked up by hash like the API's); the console then holds a
/// server-side session (random id in an HttpOnly, SameSite=Strict cookie, idle and absolute expiry) with a CSRF token
/// checked on every POST. Auditors read only. Pages reuse the API's logic: the review resolution rules, the batch
/// upload, the registration check with its consent rule; every change is audited with the user's key name as actor.
///
/// ```swift
/// buildGatewayApplication(configuration: configuration, apiKeys: store, metrics: registry, logger: logger) { routes in
///     GatewayAPI(dependencies: dependencies).register(on: routes)
///     OperatorConsole(dependencies: dependencies, health: recorder).register(on: routes)
/// }
/// ```
public struct OperatorConsole: Sendable {
    /// What the pages use (store, registries, batch scheduler, clock).
    public let dependencies: GatewayDependencies
    /// Where login keys are looked up.
    public let apiKeys: any APIKeyStore
    /// Sessions and page sizes.
    public let configuration: ConsoleConfiguration
    /// Recent registry calls for the health page; `nil` shows the page as not connected.
    public let health: RegistryHealthRecorder?
    /// Where the scheduled re-verification writes the latest run's summary, report and CSV files; `nil`: the page
    /// lists runs only.
    public let reverificationReports: URL?

    let sessions: ConsoleSessionStore
    let renderer: ConsoleRenderer
    let logger: Logger

    /// Creates the console.
    ///
    /// - Parameters:
    ///   - apiKeys: where login keys are looked up; default: `dependencies.store`.
    ///   - health: the recorder the registry transports report to (see ``RegistryHealthRecorder``).
    ///   - reverificationReports: the scheduled re-verification's output directory (`ReverificationSchedule.outputDirectory`).
    ///   - logger: for session events (never a key, IIN or name).
    public init(
        dependencies: GatewayDependencies, apiKeys: (any APIKeyStore)? = nil, configuration: ConsoleConfiguration = .default,
        health: RegistryHealthRecorder? = nil, reverificationReports: URL? = nil, logger: Logger = Logger(label: "qorgan.console")
    ) {
        self.dependencies = dependencies
        self.apiKeys = apiKeys ?? dependencies.store
        self.configuration = configuration
        self.health = health
        self.reverificationReports = reverificationReports
        self.sessions = ConsoleSessionStore(configuration: configuration)
        self.renderer = ConsoleRenderer()
        self.logger = logger
    }

    var gate: ConsoleGate { ConsoleGate(sessions: sessions, now: dependencies.now) }

    /// Adds the console's routes to `routes.console` (`/console`); does nothing when the router has no console group.
    public func register(on routes: GatewayRoutes) {
        guard let console = routes.console else { return }
        let readers = ConsoleGate.readers
        let writers = ConsoleGate.writers
        console.get("") { _, _ in ConsoleRenderer.redirect("/console/reviews") }
        console.get("assets/console.css") { _, _ in ConsoleRenderer.response(ConsoleAssets.style, contentType: "text/css; charset=utf-8", cache: true) }
        console.get("assets/console.js") { _, _ in
            ConsoleRenderer.response(ConsoleAssets.script, contentType: "text/javascript; charset=utf-8", cache: true)
        }
        console.get("language/:language", use: switchLanguage)
        console.get("login", use: loginPage)
        console.post("login", use: login)
        console.post("logout", use: guarded(readers, post: true) { _, _, page in await logout(page) })

        console.get("reviews", use: guarded(readers) { request, _, page in try await reviewsPage(request, page) })
        console.get("reviews/:id", use: guarded(readers) { request, context, page in
            try await reviewPage(context, page, notice: request.uri.queryParameters["resolved"] != nil ? page.text("resolved") : nil)
        })
        console.post("reviews/:id/resolve", use: guarded(writers, post: true) { _, context, page in try await resolve(context, page) })

        console.get("batches", use: guarded(readers) { _, _, page in try await batchesPage(page) })
        console.post("batches", use: guarded(writers, post: true, json: true) { request, context, page in try await upload(request, context, page) })
        console.get("batches/:id", use: guarded(readers) { _, context, page in try await batchPage(context, page) })
        console.get("batches/:id/status", use: guarded(readers, json: true) { _, context, _ in try await batchStatus(context) })
        console.get("batches/:id/results", use: guarded(readers) { request, context, page in try await batchFile(request, context, page, report: false) })
        console.get("batches/:id/report", use: guarded(readers) { request, context, page in try await batchFile(request, context, page, report: true) })

        console.get("lookup", use: guarded(readers) { _, _, page in lookupPage(page, form: [:], result: nil, error: nil) })
        console.post("lookup", use: guarded(writers, post: true) { _, context, page in try await lookup(context, page) })
        console.post("consents", use: guarded(writers, post: true) { _, context, page in try await requestConsent(context, page) })
        console.post("consents/:id/confirm", use: guarded(writers, post: true) { _, context, page in try await confirmConsent(context, page) })

        console.get("reverification", use: guarded(readers) { _, _, page in try await reverificationPage(page) })
        console.get("reverification/files/:name", use: guarded(readers) { _, context, page in try await reverificationFile(context, page) })

        console.get("health", use: guarded(readers) { _, _, page in healthPage(page) })
        console.get("audit", use: guarded(readers) { request, _, page in try await auditPage(request, page) })
    }

    // MARK: - Guard

    /// What a guarded page gets: the session, the language, the form (POST), and the path for the language switch.
    struct Page: Sendable {
        let session: ConsoleSession
        let language: ConsoleLanguage
        let form: ConsoleForm
        let path: String

        func text(_ key: String) -> String { ConsoleStrings.text(key, language) }
    }

    /// Wraps a page: session and role (303 to the login form, or 401 for the script's JSON endpoints; 403 for a role
    /// that may not), the CSRF token on POST (a form's `csrf` field, or the `X-CSRF-Token` header for `json` endpoints),
    /// and the session's key record as the context's client (the audit actor).
    func guarded(
        _ roles: Set<APIKeyRecord.Role>, post: Bool = false, json: Bool = false,
        _ page: @escaping @Sendable (Request, GatewayRequestContext, Page) async throws -> Response
    ) -> @Sendable (Request, GatewayRequestContext) async throws -> Response {
        { request, context in
            let language = ConsoleLanguage(request)
            let path = request.uri.path
            let session: ConsoleSession
            do throws(ConsoleDenial) { session = try gate.authorize(request, roles: roles) } catch {
                return denial(error, request: request, language: language, json: json)
            }
            var form = ConsoleForm(parsing: "")
            if post {
                let token: String?
                if json {
                    token = request.headers[ConsoleGate.csrfHeader]
                } else {
                    form = try await ConsoleForm.read(request, limit: 256 * 1024)
                    token = form.fields["csrf"]
                }
                do throws(ConsoleDenial) { try gate.checkCSRF(session, token: token) } catch {
                    logger.notice("qorgan.console.csrf_refused", metadata: ["client": "\(session.client.id)", "path": "\(path)"])
                    return denial(error, request: request, language: language, json: json)
                }
            }
            var context = context
            context.client = session.client
            return try await page(request, context, Page(session: session, language: language, form: form, path: path))
        }
    }

    /// The answer to a refused request.
    func denial(_ denial: ConsoleDenial, request: Request, language: ConsoleLanguage, json: Bool) -> Response {
        let key: String
        let status: HTTPResponse.Status
        switch denial {
        case .unauthenticated: (key, status) = ("sessionExpired", .unauthorized)
        case .forbidden: (key, status) = ("forbidden", .forbidden)
        case .csrf: (key, status) = ("csrfFailed", .forbidden)
        }
        let message = ConsoleStrings.text(key, language)
        if json { return ConsoleRenderer.json(["message": message], status: status) }
        if denial == .unauthenticated {
            let next = request.method == .get ? request.uri.path : "/console/reviews"
            return ConsoleRenderer.redirect("/console/login?next=" + ConsoleRenderer.queryValue(next))
        }
        return renderer.page(
            "message", title: ConsoleStrings.text("error", language), values: ["error": message], session: gate.session(request), language: language,
            path: request.uri.path, status: status)
    }

    /// A console path to go to after login or a language switch; anything else (other sites, `//host`) becomes the queue.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/console"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("://"),
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return "/console/reviews" }
        return next
    }

    /// Renders `template` for a guarded page.
    func render(_ template: String, titleKey: String, _ page: Page, values: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(template, title: page.text(titleKey), values: values, session: page.session, language: page.language, path: page.path, status: status)
    }

    /// Appends an audit entry for a console event; a failure is logged, never shown.
    func audit(_ draft: AuditDraft) async {
        do { try await dependencies.store.append(draft) } catch {
            logger.warning("qorgan.console.audit_failed", metadata: ["action": "\(draft.action)", "error_type": "\(error.shortDescription)"])
        }
    }
}
