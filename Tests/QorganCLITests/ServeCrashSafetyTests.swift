import Cleansing
import Foundation
import Population
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `qorgan serve` killed with SIGKILL while it writes decisions and while it runs a batch, restarted each time on
/// the same data directory (issue 9, part 3). Afterwards: the audit chain verifies and holds exactly one entry per
/// decision, every answered decision is still there, every client request id maps to one decision however often
/// it was retried, and the batch finishes with every input line exactly once. The registries run in their own
/// process, so they outlive the kills.
@Suite(.serialized)
struct ServeCrashSafetyTests {
    static let seed: UInt64 = 11
    static let people = 15_000

    /// A running `qorgan serve` on a fixed loopback port.
    struct Server {
        let process: BackgroundProcess
        let baseURL: String
    }

    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw CrashTestError.noPort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    enum CrashTestError: Error { case noPort, notReady, badAnswer(String) }

    static func startServer(connection: String, data: URL, port: Int) async throws -> Server {
        let process = try await BackgroundProcess.start(
            try CLIProcess.executable(),
            ["serve", "--registries", connection, "--data-dir", data.path, "--port", String(port), "--log-level", "error"], readyLines: 1)
        let baseURL = "http://127.0.0.1:\(port)"
        for _ in 0..<200 {
            if let (_, status) = try? await request(baseURL + "/health", method: "GET", key: nil, body: nil), status == 200 {
                return Server(process: process, baseURL: baseURL)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.kill()
        throw CrashTestError.notReady
    }

    static func request(_ url: String, method: String, key: String?, body: Data?, contentType: String = "application/json") async throws -> (Data, Int) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    static func keys(_ data: URL) throws -> [String: String] {
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("api-keys.json"))) as? [String: Any]
        let entries = file?["keys"] as? [[String: Any]] ?? []
        return Dictionary(entries.compactMap { entry in (entry["role"] as? String).flatMap { role in (entry["key"] as? String).map { (role, $0) } } },
            uniquingKeysWith: { first, _ in first })
    }

    static func activationBody(_ declaration: Declaration, requestID: String) throws -> Data {
        try JSONSerialization.data(withJSONObject: [
            "requestId": requestID,
            "programme": ["id": "crash", "region": declaration.region, "periodStart": "2025-09-01", "periodEnd": "2026-05-31"],
            "section": ["name": declaration.section, "requiresSportsClearance": false],
            "providerId": declaration.providerID,
            "child": [
                "iin": declaration.childIIN, "surname": declaration.childSurname, "firstName": declaration.childFirstName,
                "patronymic": declaration.childPatronymic, "birthDate": declaration.childBirthDate,
            ],
            "parent": [
                "iin": declaration.parentIIN, "surname": declaration.parentSurname, "firstName": declaration.parentFirstName,
                "patronymic": declaration.parentPatronymic, "phone": declaration.parentPhone,
            ],
        ] as [String: Any])
    }

    /// Entries in the audit chain, from `qorgan audit verify` (which must find it intact).
    static func auditEntries(_ data: URL) async throws -> Int {
        let output = try await CLIProcess.run(["audit", "verify", "--database", data.appendingPathComponent("qorgan.sqlite").path])
        #expect(output.status == 0, "audit verify: \(output.stdout) \(output.stderr)")
        let line = output.lines.first { $0.hasPrefix("audit chain intact: ") } ?? ""
        return Int(line.dropFirst("audit chain intact: ".count).split(separator: " ").first ?? "") ?? -1
    }

    @Test("kill -9 during decision writes and during a batch, repeatedly: audit chain intact, no decision lost or doubled, batch exactly once",
        .timeLimit(.minutes(10)))
    func killDuringWritesAndBatch() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-crash-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mocks = try await BackgroundProcess.start(
            try CLIProcess.executable(),
            ["mocks", "serve", "--seed", String(Self.seed), "--people", String(Self.people), "--export", directory.appendingPathComponent("mocks").path],
            readyLines: 5)
        defer { mocks.kill() }
        let connection = directory.appendingPathComponent("mocks/client/connection.json").path
        let batchInput = directory.appendingPathComponent("mocks/population/declarations/declarations-excel.csv")
        let data = directory.appendingPathComponent("var", isDirectory: true)
        let port = try Self.freePort()
        let population = try PopulationGenerator(configuration: PopulationConfiguration(seed: Self.seed, people: Self.people)).generate()
        let declarations = Array(population.declarations.prefix(240))

        // The first start issues the bootstrap keys (audit entries of their own).
        var server = try await Self.startServer(connection: connection, data: data, port: port)
        server.process.kill()
        let keys = try Self.keys(data)
        let registrar = try #require(keys["registrar"])
        let operatorKey = try #require(keys["operator"])
        let baseEntries = try await Self.auditEntries(data)
        #expect(baseEntries > 0)

        var generator = SplitMix64(seed: UInt64(ProcessInfo.processInfo.environment["QORGAN_KILL_SEED"] ?? "") ?? 20_261_122)
        var answered: [String: String] = [:]  // request id → decision id
        var batchID: String?
        var kills = 0
        var killsDuringBatch = 0
        for round in 0..<4 {
            server = try await Self.startServer(connection: connection, data: data, port: port)
            let base = server.baseURL
            if round == 0 {
                // A batch upload; the scheduler works on it while decisions are written, and across every kill.
                let (body, status) = try await Self.request(
                    base + "/v1/batches", method: "POST", key: operatorKey, body: try Data(contentsOf: batchInput), contentType: "text/csv")
                #expect(status == 202, "\(String(decoding: body, as: UTF8.self).prefix(300))")
                batchID = (try JSONSerialization.jsonObject(with: body) as? [String: Any])?["id"] as? String
            }
            let last = round == 3
            let pending = declarations.indices.filter { answered["crash-\($0)"] == nil }
            // Already answered ones are sent again too: a retry must replay, never decide twice.
            let replays = answered.keys.sorted().prefix(10).compactMap { Int($0.dropFirst("crash-".count)) }
            let work = pending + replays
            let killAfter = last ? nil : Duration.milliseconds(400 + Int(generator.next() % 1_600))
            let results = await withTaskGroup(of: (String, String?).self) { group in
                var iterator = work.makeIterator()
                var collected: [(String, String?)] = []
                func submit() -> Bool {
                    guard let index = iterator.next() else { return false }
                    let requestID = "crash-\(index)"
                    let declaration = declarations[index]
                    group.addTask {
                        guard let body = try? Self.activationBody(declaration, requestID: requestID),
                            let (data, status) = try? await Self.request(base + "/v1/voucher-activations", method: "POST", key: registrar, body: body),
                            status == 200 || status == 201,
                            let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
                        else { return (requestID, nil) }
                        return (requestID, document["decisionId"] as? String)
                    }
                    return true
                }
                for _ in 0..<8 where !submit() { break }
                if let killAfter {
                    let process = server.process
                    let batch = batchID
                    group.addTask {
                        try? await Task.sleep(for: killAfter)
                        // Whether the batch was still at work at the moment of the kill.
                        var batchStatus = "unknown"
                        if let batch, let (body, _) = try? await Self.request(base + "/v1/batches/\(batch)", method: "GET", key: operatorKey, body: nil) {
                            batchStatus = (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["status"] as? String ?? "unknown"
                        }
                        return ("kill", process.kill() ? batchStatus : nil)
                    }
                }
                while let result = await group.next() {
                    collected.append(result)
                    if result.0 != "kill" { _ = submit() }
                }
                return collected
            }
            for (requestID, decisionID) in results {
                if requestID == "kill" {
                    if let batchStatus = decisionID {
                        kills += 1
                        if batchStatus == "running" || batchStatus == "queued" { killsDuringBatch += 1 }
                    }
                    continue
                }
                guard let decisionID else { continue }
                if let earlier = answered[requestID] {
                    #expect(earlier == decisionID, "\(requestID) decided twice: \(earlier) then \(decisionID)")
                } else {
                    answered[requestID] = decisionID
                }
            }
            if last {
                // Every answered decision is still there after the kills.
                for decisionID in Set(answered.values).sorted().prefix(40) {
                    let (_, status) = try await Self.request(base + "/v1/decisions/\(decisionID)", method: "GET", key: registrar, body: nil)
                    #expect(status == 200, "decision \(decisionID) lost")
                }
                // The batch resumes on each start and finishes.
                let id = try #require(batchID)
                var finished = false
                for _ in 0..<600 {
                    let (body, _) = try await Self.request(base + "/v1/batches/\(id)", method: "GET", key: operatorKey, body: nil)
                    let status = (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["status"] as? String
                    if status == "finished" { finished = true; break }
                    #expect(status != "failed", "batch failed: \(String(decoding: body, as: UTF8.self).prefix(300))")
                    try await Task.sleep(for: .milliseconds(200))
                }
                #expect(finished, "the batch did not finish after the restarts")
                let (csv, status) = try await Self.request(base + "/v1/batches/\(id)/results", method: "GET", key: operatorKey, body: nil)
                #expect(status == 200)
                try Self.checkExactlyOnce(results: csv, input: batchInput, scratch: directory)
                server.process.kill()
            }
        }
        #expect(kills >= 2, "only \(kills) kills landed while the server was running; the test proved little")
        #expect(killsDuringBatch >= 1, "no kill landed while the batch was at work")
        #expect(answered.count == declarations.count, "\(declarations.count - answered.count) requests never got an answer")
        // One audit entry per decision on top of the bootstrap ones: nothing doubled, nothing lost.
        let entries = try await Self.auditEntries(data)
        #expect(entries == baseEntries + Set(answered.values).count + 2, "audit entries \(entries), bootstrap \(baseEntries), decisions \(Set(answered.values).count) + batch created and finished")
        #expect(Set(answered.values).count == answered.count, "two request ids share a decision")
        print("crash safety: \(kills) kills (\(killsDuringBatch) during the batch), \(answered.count) decisions, \(entries) audit entries")
    }

    /// Every record line of the input appears exactly once in the results CSV (`line` column).
    static func checkExactlyOnce(results: Data, input: URL, scratch: URL) throws {
        let resultsFile = scratch.appendingPathComponent("batch-results.csv")
        try results.write(to: resultsFile)
        let expected = try CleanseResumeAfterKillTests.recordLines(input.path)
        var seen: [Int: Int] = [:]
        let reader = try CleansingResultReader(path: resultsFile.path)
        while let row = try reader.next() { seen[row.line, default: 0] += 1 }
        #expect(seen.values.allSatisfy { $0 == 1 }, "batch lines written twice: \(seen.filter { $0.value > 1 }.keys.sorted().prefix(10))")
        #expect(Set(seen.keys) == expected, "batch lines missing: \(expected.subtracting(seen.keys).sorted().prefix(10))")
    }
}
