import Foundation
import Hummingbird
import HummingbirdTesting
import Identifiers
import Logging
import Population
import Service
import Storage
import Testing

/// The `/v1/batches` routes against the in-process mock registries and a real SQLite store: an upload of parents
/// picked from the synthetic population (clean ones, one broken IIN, one unreadable row) runs to the end in the
/// background; its results, report and failures (roles, unknown ids, not finished yet, no IIN column, too large).
///
/// Nothing depends on how fast a job runs: "not finished" is checked with the scheduler stopped, and finishing is
/// polled with a generous bound.
@Suite(.serialized) struct BatchEndToEndTests {
    // MARK: - Input

    /// Living parents with no injected defect, as the registry knows them.
    static func cleanParents(_ count: Int) -> [Person] {
        let population = GatewayEndToEndTests.population
        return Array(
            population.people.lazy.filter { person in
                person.deathDate == nil && !person.iinDeviates && person.patronymic != nil && population.defects(for: person.iin).isEmpty
                    && person.birthDate.year < 2000
            }
            .prefix(count))
    }

    static func date(_ date: CalendarDate) -> String {
        String(format: "%02d.%02d.%04d", date.day, date.month, date.year)
    }

    /// The same 12 digits with another last digit: the check digit no longer fits.
    static func brokenIIN(_ iin: IIN) -> String {
        let digits = iin.unmasked
        let last = Int(String(digits.last!))!
        return String(digits.dropLast()) + String((last + 1) % 10)
    }

    /// Header on line 1; three clean parents on lines 2–4, a broken IIN on line 5, a row with too many fields on line 6.
    static func sampleCSV() -> (csv: String, clean: Int) {
        let parents = cleanParents(4)
        var lines = ["ИИН;Фамилия;Имя;Отчество;Дата рождения"]
        for person in parents.prefix(3) {
            lines.append([person.iin.unmasked, person.surname, person.firstName, person.patronymic ?? "", date(person.birthDate)].joined(separator: ";"))
        }
        let broken = parents[3]
        lines.append([brokenIIN(broken.iin), broken.surname, broken.firstName, broken.patronymic ?? "", date(broken.birthDate)].joined(separator: ";"))
        lines.append("x;y;z;1;2;3;4;5")
        return (lines.joined(separator: "\r\n") + "\r\n", 3)
    }

    static func headers(_ key: String, accept: String? = nil) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(key)"
        headers[.contentType] = "text/csv"
        if let accept { headers[.accept] = accept }
        return headers
    }

    /// `line → status` of a results file (`;`, BOM, CRLF); `line` and `status` are the first two cells and never quoted.
    static func statuses(_ body: String) -> [(line: Int, status: String)] {
        body.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst().compactMap { row in
            let cells = row.split(separator: ";", maxSplits: 2, omittingEmptySubsequences: false)
            guard cells.count >= 2, let line = Int(cells[0]) else { return nil }
            return (line, String(cells[1]))
        }
    }

    /// Polls `GET /v1/batches/{id}` every 50 ms until the job leaves queued/running (at most 60 s).
    static func awaitEnd(_ id: String, key: String, client: some TestClientProtocol) async throws -> [String: Any] {
        let clock = ContinuousClock()
        let give = clock.now.advanced(by: .seconds(60))
        while true {
            let response = try await client.execute(uri: "/v1/batches/\(id)", method: .get, headers: headers(key))
            let document = GatewayEndToEndTests.object(response)
            let status = document["status"] as? String
            if status == "finished" || status == "failed" || clock.now >= give { return document }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    // MARK: - Tests

    @Test("an upload runs in the background to finished: every line once in the results, counts, JSON and HTML report")
    func uploadRunsToTheEnd() async throws {
        let (csv, clean) = Self.sampleCSV()
        try await GatewayEndToEndTests.withWorld(service: GatewayServiceConfiguration(requestDeadline: .seconds(60)), registryTimeoutMilliseconds: 30_000) {
            world, router in
            try await Application(router: router).test(.router) { client in
                let upload = try await client.execute(
                    uri: "/v1/batches", method: .post, headers: Self.headers(world.operatorKey), body: ByteBuffer(string: csv))
                #expect(upload.status == .accepted)
                let accepted = GatewayEndToEndTests.object(upload)
                let id = try #require(accepted["id"] as? String)
                #expect(upload.headers[.location] == "/v1/batches/\(id)")
                #expect(["queued", "running"].contains(accepted["status"] as? String))
                #expect(accepted["rowsTotal"] as? Int == 5)
                #expect((accepted["links"] as? [String: Any])?["results"] as? String == "/v1/batches/\(id)/results")

                let done = try await Self.awaitEnd(id, key: world.auditor, client: client)
                #expect(done["status"] as? String == "finished")
                #expect(done["rowsDone"] as? Int == 5)
                #expect(done["rowsTotal"] as? Int == 5)
                let counts = try #require(done["counts"] as? [String: Int])
                #expect(counts["INVALID_IIN"] == 1)
                #expect(counts["UNREADABLE"] == 1)
                #expect(counts["VALID", default: 0] + counts["CORRECTABLE", default: 0] == clean)

                let results = try await client.execute(uri: "/v1/batches/\(id)/results", method: .get, headers: Self.headers(world.operatorKey))
                #expect(results.status == .ok)
                #expect(results.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(results.headers[.contentDisposition] == "attachment; filename=\"\(id)-results.csv\"")
                let rows = Self.statuses(String(decoding: results.body.readableBytesView, as: UTF8.self))
                #expect(rows.map(\.line) == [2, 3, 4, 5, 6])
                #expect(rows.first { $0.line == 5 }?.status == "INVALID_IIN")
                #expect(rows.first { $0.line == 6 }?.status == "UNREADABLE")
                #expect(rows.filter { $0.line <= 4 }.allSatisfy { ["VALID", "CORRECTABLE"].contains($0.status) })

                let json = try await client.execute(uri: "/v1/batches/\(id)/report", method: .get, headers: Self.headers(world.auditor))
                #expect(json.status == .ok)
                #expect(json.headers[.contentType] == "application/json; charset=utf-8")
                let summary = GatewayEndToEndTests.object(json)
                #expect(summary["rows"] as? Int == 5)
                #expect(summary["unreadableRows"] as? Int == 1)

                let html = try await client.execute(
                    uri: "/v1/batches/\(id)/report", method: .get, headers: Self.headers(world.auditor, accept: "text/html"))
                #expect(html.status == .ok)
                #expect(html.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(decoding: html.body.readableBytesView, as: UTF8.self)
                #expect(page.contains("<svg"))
                for person in Self.cleanParents(3) { #expect(!page.contains(person.iin.unmasked)) }

                let job = try #require(try await world.store.batch(id: id))
                #expect(job.status == .finished)
            }
        }
    }

    @Test("before it finishes a batch is queued and its downloads answer 409; a scheduler started later resumes it")
    func notFinishedThenResumed() async throws {
        let (csv, _) = Self.sampleCSV()
        try await GatewayEndToEndTests.withWorld(
            service: GatewayServiceConfiguration(requestDeadline: .seconds(60)), registryTimeoutMilliseconds: 30_000, runsBatches: false
        ) { world, router in
            try await Application(router: router).test(.router) { client in
                let upload = try await client.execute(
                    uri: "/v1/batches?notify=false", method: .post, headers: Self.headers(world.operatorKey), body: ByteBuffer(string: csv))
                #expect(upload.status == .accepted)
                let id = try #require(GatewayEndToEndTests.object(upload)["id"] as? String)

                let state = try await client.execute(uri: "/v1/batches/\(id)", method: .get, headers: Self.headers(world.operatorKey))
                #expect(GatewayEndToEndTests.object(state)["status"] as? String == "queued")
                #expect(GatewayEndToEndTests.object(state)["rowsDone"] as? Int == 0)
                for path in ["results", "report"] {
                    let early = try await client.execute(uri: "/v1/batches/\(id)/\(path)", method: .get, headers: Self.headers(world.operatorKey))
                    #expect(early.status == .conflict)
                    #expect(early.headers[.contentType] == "application/problem+json")
                    #expect(GatewayEndToEndTests.object(early)["code"] as? String == "BATCH_NOT_FINISHED")
                }

                // As after a restart: a new scheduler over the same store and directory finds the queued job.
                let restarted = BatchJobScheduler(
                    dependencies: world.dependencies, directory: world.batchDirectory, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await restarted.run() }
                    let done = try await Self.awaitEnd(id, key: world.operatorKey, client: client)
                    #expect(done["status"] as? String == "finished")
                    #expect(done["rowsDone"] as? Int == 5)
                    group.cancelAll()
                }
            }
        }
    }

    @Test("a job whose input cannot be read is failed with a reason naming the kind of failure only")
    func failedJob() async throws {
        let (csv, _) = Self.sampleCSV()
        try await GatewayEndToEndTests.withWorld(runsBatches: false) { world, router in
            try await Application(router: router).test(.router) { client in
                let upload = try await client.execute(uri: "/v1/batches", method: .post, headers: Self.headers(world.operatorKey), body: ByteBuffer(string: csv))
                let id = try #require(GatewayEndToEndTests.object(upload)["id"] as? String)
                try FileManager.default.removeItem(at: world.batchDirectory.appendingPathComponent(id).appendingPathComponent("input.csv"))
                let scheduler = BatchJobScheduler(
                    dependencies: world.dependencies, directory: world.batchDirectory, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
                await scheduler.submit(id)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await scheduler.run() }
                    let done = try await Self.awaitEnd(id, key: world.operatorKey, client: client)
                    #expect(done["status"] as? String == "failed")
                    let reason = try #require(done["failureReason"] as? String)
                    #expect(reason.hasPrefix("io:"))
                    group.cancelAll()
                }
                let results = try await client.execute(uri: "/v1/batches/\(id)/results", method: .get, headers: Self.headers(world.operatorKey))
                #expect(results.status == .conflict)
            }
        }
    }

    @Test("a registrar may not upload (403), an unknown batch is 404, a CSV without an IIN column is 422")
    func refusals() async throws {
        try await GatewayEndToEndTests.withWorld(runsBatches: false) { world, router in
            try await Application(router: router).test(.router) { client in
                let csv = ByteBuffer(string: "ИИН;Фамилия\r\n900101300001;Иванов\r\n")
                let registrar = try await client.execute(uri: "/v1/batches", method: .post, headers: Self.headers(world.registrar), body: csv)
                #expect(registrar.status == .forbidden)
                let registrarRead = try await client.execute(uri: "/v1/batches/bat_x", method: .get, headers: Self.headers(world.registrar))
                #expect(registrarRead.status == .forbidden)

                for path in ["/v1/batches/bat_0000000000000000000000000", "/v1/batches/bat_0000000000000000000000000/results", "/v1/batches/../etc/report"] {
                    let unknown = try await client.execute(uri: path, method: .get, headers: Self.headers(world.auditor))
                    #expect(unknown.status == .notFound)
                }

                let noIIN = try await client.execute(
                    uri: "/v1/batches", method: .post, headers: Self.headers(world.operatorKey),
                    body: ByteBuffer(string: "Фамилия;Имя;Телефон\r\nИванов;Иван;+77010000000\r\n"))
                #expect(noIIN.status == .unprocessableContent)
                #expect(GatewayEndToEndTests.object(noIIN)["code"] as? String == "MISSING_REQUIRED_COLUMN")
                #expect(!String(decoding: noIIN.body.readableBytesView, as: UTF8.self).contains("+77010000000"))

                let empty = try await client.execute(uri: "/v1/batches", method: .post, headers: Self.headers(world.operatorKey), body: ByteBuffer())
                #expect(empty.status == .unprocessableContent)

                let badQuery = try await client.execute(uri: "/v1/batches?notify=maybe", method: .post, headers: Self.headers(world.operatorKey), body: csv)
                #expect(badQuery.status == .badRequest)

                // Nothing refused was recorded or left on disk.
                #expect(try await world.store.batches(inputName: nil, limit: 10).isEmpty)
                let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: world.batchDirectory.path)) ?? []
                #expect(leftovers.isEmpty)
            }
        }
    }

    @Test("an upload over the upload limit is 413, while the JSON body limit does not apply to it")
    func uploadLimit() async throws {
        let service = GatewayServiceConfiguration(maxRequestBodySize: 64, maxUploadBodySize: 4_096)
        try await GatewayEndToEndTests.withWorld(service: service, runsBatches: false) { world, router in
            try await Application(router: router).test(.router) { client in
                let (csv, _) = Self.sampleCSV()
                #expect(csv.utf8.count > 64 && csv.utf8.count < 4_096)
                let fits = try await client.execute(uri: "/v1/batches", method: .post, headers: Self.headers(world.operatorKey), body: ByteBuffer(string: csv))
                #expect(fits.status == .accepted)
                let large = String(repeating: csv, count: 2 + 4_096 / csv.utf8.count)
                let tooLarge = try await client.execute(
                    uri: "/v1/batches", method: .post, headers: Self.headers(world.operatorKey), body: ByteBuffer(string: large))
                #expect(tooLarge.status == .contentTooLarge)
                #expect(GatewayEndToEndTests.object(tooLarge)["limitBytes"] as? Int == 4_096)
            }
        }
    }
}
