import Foundation
import Hummingbird
import Logging
import Storage

/// Login, logout and the language switch.
extension OperatorConsole {
    /// The login form's double-submit cookie: a random token also written into the form, both must match on POST
    /// (there is no session yet whose CSRF token could protect the login).
    static let loginCookie = "qorgan_console_login"

    func loginPage(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let language = ConsoleLanguage(request)
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        if gate.session(request) != nil { return ConsoleRenderer.redirect(next) }
        let notice = request.uri.queryParameters["bye"] != nil ? ConsoleStrings.text("loggedOut", language) : nil
        return loginForm(request, language: language, next: next, error: nil, notice: notice, status: .ok)
    }

    /// The login form, with the login token (re)issued in its cookie.
    func loginForm(
        _ request: Request, language: ConsoleLanguage, next: String, error: String?, notice: String?, status: HTTPResponse.Status
    ) -> Response {
        let token = request.cookies[Self.loginCookie]?.value ?? ConsoleToken.make()
        var values: [String: Any] = ["loginToken": token, "nextPath": next]
        if let error { values["error"] = error }
        if let notice { values["notice"] = notice }
        var response = renderer.page(
            "login", title: ConsoleStrings.text("loginTitle", language), values: values, session: nil, language: language, path: "/console/login",
            status: status)
        response.setCookie(
            Cookie(name: Self.loginCookie, value: token, maxAge: 3_600, path: "/console", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func login(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let language = ConsoleLanguage(request)
        let form = try await ConsoleForm.read(request, limit: 16 * 1024)
        let next = Self.safeNext(form["next"])
        func refuse(_ key: String, _ status: HTTPResponse.Status, reason: String) async -> Response {
            await audit(AuditDraft(actor: "anonymous", action: "console.login_failed", subjectID: "-", details: ["reason": reason]))
            logger.notice("qorgan.console.login_failed", metadata: ["reason": "\(reason)", "request_id": "\(context.requestID)"])
            return loginForm(request, language: language, next: next, error: ConsoleStrings.text(key, language), notice: nil, status: status)
        }
        guard let cookie = request.cookies[Self.loginCookie]?.value, let token = form.fields["csrf"], ConsoleToken.equal(cookie, token) else {
            return await refuse("csrfFailed", .forbidden, reason: "csrf")
        }
        guard let key = form["key"] else { return await refuse("loginEmpty", .unprocessableContent, reason: "empty") }
        let record: APIKeyRecord?
        do { record = try await apiKeys.key(hash: APIKeyCredential.hash(key)) } catch {
            logger.warning("qorgan.console.key_store_failed", metadata: ["error_type": "\(error.shortDescription)"])
            return loginForm(
                request, language: language, next: next, error: ConsoleStrings.text("loginUnavailable", language), notice: nil,
                status: .serviceUnavailable)
        }
        guard let record, record.revokedAt == nil else { return await refuse("loginFailed", .unauthorized, reason: "unknown_key") }
        guard ConsoleGate.readers.contains(record.role) else { return await refuse("loginRole", .forbidden, reason: "role_\(record.role.rawValue)") }
        let session = sessions.create(client: record, now: dependencies.now())
        await audit(
            AuditDraft(
                actor: record.name, action: "console.login", subjectID: record.id,
                details: ["role": record.role.rawValue, "session": Self.sessionReference(session)]))
        logger.info("qorgan.console.login", metadata: ["client": "\(record.id)", "role": "\(record.role.rawValue)"])
        var response = ConsoleRenderer.redirect(next)
        response.setCookie(ConsoleGate.cookie(session.id, maxAge: Int(configuration.sessionAbsoluteTimeout.timeInterval), secure: configuration.secureCookies))
        return response
    }

    func logout(_ page: Page) async -> Response {
        sessions.remove(id: page.session.id)
        await audit(
            AuditDraft(
                actor: page.session.client.name, action: "console.logout", subjectID: page.session.client.id,
                details: ["session": Self.sessionReference(page.session)]))
        logger.info("qorgan.console.logout", metadata: ["client": "\(page.session.client.id)"])
        var response = ConsoleRenderer.redirect("/console/login?bye=1")
        response.setCookie(ConsoleGate.cookie("", maxAge: 0, secure: configuration.secureCookies))
        return response
    }

    /// A reference to a session for the audit log that does not reveal its id: the first 12 hex digits of its SHA-256.
    static func sessionReference(_ session: ConsoleSession) -> String {
        String(sha256Hex(Array(session.id.utf8)).prefix(12))
    }

    /// `GET /console/language/{ru|kk}?next=…`: remembers the choice in a cookie and goes back. A display preference,
    /// not a change of state worth a CSRF token.
    func switchLanguage(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let language = ConsoleLanguage(rawValue: try context.parameters.require("language")) ?? .ru
        var response = ConsoleRenderer.redirect(Self.safeNext(request.uri.queryParameters["next"].map(String.init)))
        response.setCookie(
            Cookie(
                name: ConsoleLanguage.cookieName, value: language.rawValue, maxAge: 365 * 86_400, path: "/console", secure: configuration.secureCookies,
                httpOnly: true, sameSite: .strict))
        return response
    }
}
