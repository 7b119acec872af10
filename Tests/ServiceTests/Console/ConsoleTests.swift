import Foundation
import Hummingbird
import HummingbirdTesting
import Service
import Storage
import Testing

/// The operator console through HummingbirdTesting: login and logout, sessions, CSRF, roles, escaping, languages.
@Suite struct ConsoleTests {
    typealias Session = ConsoleClientSession

    @Test("login with an operator key starts an HttpOnly SameSite=Strict session; logout ends it; both are audited without the key")
    func loginLogout() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                var session = Session()
                let key = try #require(world.keys[.operator])
                let login = try await session.login(client, key: key)
                #expect(login.status == .seeOther)
                #expect(login.headers[.location] == "/console/reviews")
                let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("qorgan_console_session=") })
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(cookie.contains("Path=/console"))
                #expect(!cookie.contains("Secure"))

                let queue = try await session.get(client, "/console/reviews")
                #expect(queue.status == .ok)
                let html = String(buffer: queue.body)
                #expect(html.contains(world.reviewID))
                #expect(html.contains("console-operator"))
                #expect(queue.headers[HTTPFields.Element.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)

                let token = try #require(Session.csrf(in: html))
                let logout = try await session.post(client, "/console/logout", form: ["csrf": token])
                #expect(logout.status == .seeOther)
                #expect(logout.headers[.location] == "/console/login?bye=1")
                let after = try await session.get(client, "/console/reviews")
                #expect(after.status == .seeOther)
                #expect(after.headers[.location]?.hasPrefix("/console/login") == true)
            }
            let logins = try await world.store.entries(AuditQuery(subjectID: nil, registryMessageID: nil, limit: 500))
                .filter { $0.draft.action.hasPrefix("console.") }
            #expect(Set(logins.map(\.draft.action)) == ["console.login", "console.logout"])
            let key = try #require(world.keys[.operator])
            #expect(logins.allSatisfy { entry in !entry.draft.details.values.contains { $0.contains(key) } && entry.draft.actor == "console-operator" })
        }
    }

    @Test("a wrong key, a registrar key, an empty key and a login without its token are refused with a visible message")
    func loginRefusals() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                var session = Session()
                let wrong = try await session.login(client, key: "qk_not_a_key")
                #expect(wrong.status == .unauthorized)
                #expect(String(buffer: wrong.body).contains("Ключ не подошёл."))
                let registrar = try await session.login(client, key: try #require(world.keys[.registrar]))
                #expect(registrar.status == .forbidden)
                #expect(String(buffer: registrar.body).contains("id=\"error\""))
                let empty = try await session.login(client, key: "")
                #expect(empty.status == .unprocessableContent)
                var fresh = Session()
                let forged = try await fresh.post(client, "/console/login", form: ["csrf": "guess", "key": try #require(world.keys[.operator])])
                #expect(forged.status == .forbidden)
                #expect(forged.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("qorgan_console_session=") })
            }
        }
    }

    @Test("without a session pages redirect to the login form (303 with next), the script's JSON endpoint answers 401")
    func unauthenticated() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                let page = try await client.execute(uri: "/console/reviews/\(world.reviewID)", method: .get)
                #expect(page.status == .seeOther)
                #expect(page.headers[.location] == "/console/login?next=%2Fconsole%2Freviews%2F\(world.reviewID)")
                let status = try await client.execute(uri: "/console/batches/bat_x/status", method: .get)
                #expect(status.status == .unauthorized)
                let post = try await client.execute(uri: "/console/reviews/\(world.reviewID)/resolve", method: .post)
                #expect(post.status == .seeOther)
                #expect(try await world.store.review(id: world.reviewID)?.status == .open)
                var forged = Session(cookies: ["qorgan_console_session": "made-up"])
                #expect(try await forged.getStoring(client, "/console/reviews").status == .seeOther)
            }
        }
    }

    @Test("a session ends after 30 idle minutes")
    func idleExpiry() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                var session = Session()
                _ = try await session.login(client, key: try #require(world.keys[.auditor]))
                world.clock.advance(29 * 60)
                #expect(try await session.get(client, "/console/reviews").status == .ok)
                world.clock.advance(31 * 60)
                #expect(try await session.get(client, "/console/reviews").status == .seeOther)
            }
        }
    }

    @Test("resolving needs the session's CSRF token and a comment; then the review is resolved and audited with the operator as actor")
    func resolveWithCSRF() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                var session = Session()
                _ = try await session.login(client, key: try #require(world.keys[.operator]))
                let page = try await session.get(client, "/console/reviews/\(world.reviewID)")
                let html = String(buffer: page.body)
                #expect(html.contains("resolve-form"))
                #expect(html.contains("<option value=\"MATCH\">"))
                #expect(html.contains("waterfall-total"))
                #expect(html.contains("+1.25"))
                #expect(html.contains("8504******21"))
                let token = try #require(Session.csrf(in: html))
                let path = "/console/reviews/\(world.reviewID)/resolve"

                let noToken = try await session.post(client, path, form: ["resolution": "MATCH", "comment": "ok"])
                #expect(noToken.status == .forbidden)
                let wrongToken = try await session.post(client, path, form: ["csrf": token + "x", "resolution": "MATCH", "comment": "ok"])
                #expect(wrongToken.status == .forbidden)
                #expect(try await world.store.review(id: world.reviewID)?.status == .open)

                let noComment = try await session.post(client, path, form: ["csrf": token, "resolution": "MATCH", "comment": "  "])
                #expect(noComment.status == .unprocessableContent)
                #expect(String(buffer: noComment.body).contains("Комментарий обязателен"))
                let badOutcome = try await session.post(client, path, form: ["csrf": token, "resolution": "ACTIVATE", "comment": "x"])
                #expect(badOutcome.status == .unprocessableContent)

                let done = try await session.post(client, path, form: ["csrf": token, "resolution": "MATCH", "comment": "Паспорт проверен"])
                #expect(done.status == .seeOther)
                let review = try #require(try await world.store.review(id: world.reviewID))
                #expect(review.status == .resolved)
                #expect(review.resolution == "MATCH")
                #expect(review.resolvedBy == "console-operator")
                let audit = try await world.store.entries(AuditQuery(subjectID: world.reviewID))
                #expect(audit.contains { $0.draft.action == "review.resolved" && $0.draft.actor == "console-operator" })
                let again = try await session.post(client, path, form: ["csrf": token, "resolution": "MISMATCH", "comment": "x"])
                #expect(again.status == .conflict)
            }
        }
    }

    @Test("an auditor reads the queue and decisions but cannot resolve, upload or verify (403)")
    func auditorReadOnly() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                var session = Session()
                _ = try await session.login(client, key: try #require(world.keys[.auditor]))
                let page = try await session.get(client, "/console/reviews/\(world.reviewID)")
                #expect(page.status == .ok)
                let html = String(buffer: page.body)
                #expect(!html.contains("resolve-form"))
                let token = try #require(Session.csrf(in: html))
                let resolve = try await session.post(
                    client, "/console/reviews/\(world.reviewID)/resolve", form: ["csrf": token, "resolution": "MATCH", "comment": "x"])
                #expect(resolve.status == .forbidden)
                #expect(try await world.store.review(id: world.reviewID)?.status == .open)
                var headers = session.headers
                headers[HTTPFields.Element.Name("X-CSRF-Token")!] = token
                let upload = try await client.execute(uri: "/console/batches", method: .post, headers: headers, body: ByteBuffer(string: "iin\n1\n"))
                #expect(upload.status == .forbidden)
                let lookup = try await session.post(client, "/console/lookup", form: ["csrf": token, "iin": "850415300121"])
                #expect(lookup.status == .forbidden)
                let batches = try await session.get(client, "/console/batches")
                #expect(!String(buffer: batches.body).contains("upload-form"))
            }
        }
    }

    @Test("user content is escaped: a comment with markup, a filter value, a login next")
    func escaping() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                var session = Session()
                _ = try await session.login(client, key: try #require(world.keys[.operator]))
                let token = try #require(Session.csrf(in: String(buffer: try await session.get(client, "/console/reviews").body)))
                let evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>"
                _ = try await session.post(
                    client, "/console/reviews/\(world.reviewID)/resolve", form: ["csrf": token, "resolution": "MISMATCH", "comment": evil])
                let html = String(buffer: try await session.get(client, "/console/reviews/\(world.reviewID)").body)
                #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img"))
                #expect(!html.contains("<script>alert"))
                #expect(!html.contains("<img src=x"))
                let filtered = try await session.get(client, "/console/reviews?status=all&reason=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
                let filteredHTML = String(buffer: filtered.body)
                #expect(filteredHTML.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
                #expect(!filteredHTML.contains("<script>alert(1)"))
                var anonymous = Session()
                let login = try await anonymous.getStoring(client, "/console/login?next=https://evil.example/")
                #expect(String(buffer: login.body).contains("name=\"next\" value=\"/console/reviews\""))
            }
        }
    }

    @Test("Russian by default; the switch sets Kazakh for every page, and back")
    func languages() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                var session = Session()
                _ = try await session.login(client, key: try #require(world.keys[.operator]))
                let russian = String(buffer: try await session.get(client, "/console/reviews").body)
                #expect(russian.contains("<html lang=\"ru\">"))
                #expect(russian.contains("Очередь проверки"))
                let switched = try await session.getStoring(client, "/console/language/kk?next=%2Fconsole%2Freviews%2F\(world.reviewID)")
                #expect(switched.status == .seeOther)
                #expect(switched.headers[.location] == "/console/reviews/\(world.reviewID)")
                let kazakh = String(buffer: try await session.get(client, "/console/reviews/\(world.reviewID)").body)
                #expect(kazakh.contains("<html lang=\"kk\">"))
                #expect(kazakh.contains("Тексеру кезегі"))
                #expect(kazakh.contains("Тұлғаны сенімді растау мүмкін болмады"))
                #expect(!kazakh.contains("Очередь проверки"))
                _ = try await session.getStoring(client, "/console/language/ru?next=%2Fconsole%2Freviews")
                #expect(String(buffer: try await session.get(client, "/console/reviews").body).contains("Очередь проверки"))
            }
        }
    }

    @Test("the queue filters by reason, region and date; a bad date is refused with a visible message")
    func filters() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                var session = Session()
                _ = try await session.login(client, key: try #require(world.keys[.auditor]))
                let day = String(ISO8601DateFormatter().string(from: world.clock.now).prefix(10))
                for query in ["reason=IDENTITY_UNCERTAIN", "region=750000000", "from=\(day)&to=\(day)"] {
                    #expect(String(buffer: try await session.get(client, "/console/reviews?\(query)").body).contains(world.reviewID), "\(query)")
                }
                for query in ["reason=REGION_UNKNOWN", "region=110000000", "from=2099-01-01"] {
                    let html = String(buffer: try await session.get(client, "/console/reviews?\(query)").body)
                    #expect(!html.contains(world.reviewID), "\(query)")
                    #expect(html.contains("no-reviews"))
                }
                let bad = try await session.get(client, "/console/reviews?from=31.12.2026")
                #expect(bad.status == .badRequest)
                #expect(String(buffer: bad.body).contains("ГГГГ-ММ-ДД"))
            }
        }
    }

    @Test("lookup refuses a bad IIN and an IIN without consent with a visible message, recording nothing")
    func lookupRules() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                var session = Session()
                _ = try await session.login(client, key: try #require(world.keys[.operator]))
                let token = try #require(Session.csrf(in: String(buffer: try await session.get(client, "/console/lookup").body)))
                let bad = try await session.post(client, "/console/lookup", form: ["csrf": token, "iin": "123456789012"])
                #expect(bad.status == .unprocessableContent)
                #expect(String(buffer: bad.body).contains("id=\"error\""))
                let noConsent = try await session.post(client, "/console/lookup", form: ["csrf": token, "iin": "850415300121"])
                #expect(noConsent.status == .forbidden)
                #expect(String(buffer: noConsent.body).contains("согласия"))
            }
        }
    }

    @Test("registry health shows the recorder's calls, error rate and breaker state")
    func health() async throws {
        try await ConsoleTestWorld.with { world, router in
            world.health.recordCall(registry: "individuals", nanoseconds: 12_000_000, outcome: "status_2xx")
            world.health.recordCall(registry: "individuals", nanoseconds: 40_000_000, outcome: "timeout")
            world.health.recordBreaker(registry: "individuals", value: 2)
            try await Application(router: router).test(.router) { client in
                var session = Session()
                _ = try await session.login(client, key: try #require(world.keys[.auditor]))
                let html = String(buffer: try await session.get(client, "/console/health").body)
                #expect(html.contains("data-registry=\"individuals\""))
                #expect(html.contains("50.0 %"))
                #expect(html.contains("breaker-open"))
            }
            let snapshot = try #require(world.health.snapshots().first)
            #expect(snapshot.calls == 2 && snapshot.errors == 1 && snapshot.breakerState == 2)
        }
    }

    @Test("audit search by decision id and by registry message id; the chain is reported intact")
    func audit() async throws {
        try await ConsoleTestWorld.with { world, router in
            try await Application(router: router).test(.router) { client in
                var session = Session()
                _ = try await session.login(client, key: try #require(world.keys[.auditor]))
                let byDecision = String(buffer: try await session.get(client, "/console/audit?subject=\(world.decisionID)").body)
                #expect(byDecision.contains("decision.recorded"))
                #expect(byDecision.contains("class=\"intact\""))
                let byMessage = String(buffer: try await session.get(client, "/console/audit?message=msg-console-1").body)
                #expect(byMessage.contains(world.decisionID))
                let none = String(buffer: try await session.get(client, "/console/audit?message=nothing").body)
                #expect(none.contains("no-entries"))
                let empty = try await session.get(client, "/console/audit?subject=&message=")
                #expect(empty.status == .badRequest)
            }
        }
    }

    @Test("the OpenAPI coverage check leaves the console out on purpose and stays complete with it mounted")
    func openAPICoverage() async throws {
        try await ConsoleTestWorld.with { _, router in
            #expect(router.routes.contains { $0.path.description == "/console/reviews" })
            let coverage = OpenAPICoverage(document: try OpenAPIDocument.bundled(), router: router)
            #expect(coverage.isComplete, "\(coverage)")
            #expect(OpenAPICoverage.excludedPrefixes["/console"]?.isEmpty == false)
        }
    }
}
