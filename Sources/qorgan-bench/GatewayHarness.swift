import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Population
import RegistryMocks
import Service
import Storage
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The system under test, started as separate processes on loopback: `qorgan mocks serve` (the state registries)
/// and `qorgan serve` (the gateway) pointed at it, plus an SMS mock inside the benchmark so the benchmark can read
/// the consent codes (the out-of-process SMS mock's `/_control/messages` does not return message texts).
///
/// The gateway's store is prepared before it starts: the benchmark opens the SQLite file with keys it passes on to
/// the gateway (`QORGAN_LOOKUP_KEY`, `QORGAN_PAYLOAD_KEY`) and issues `keyCount` registrar API keys through the store
/// (each audited like any key), so the load can be spread over many clients as the per-key rate limit
/// (200 requests/s by default) expects.
struct GatewayHarness: Sendable {
    /// The registries process.
    let mocks: ChildProcess
    /// The gateway process.
    let gateway: ChildProcess
    /// The SMS mock inside this process.
    let sms: RunningMocks
    /// `http://127.0.0.1:PORT` of the gateway.
    let baseURL: String
    /// Registrar API keys.
    let keys: [String]

    /// Starts everything; stops what it started when a later step fails.
    static func start(
        qorgan: String, seed: UInt64, people: Int, keyCount: Int, logLevel: String, directory: URL
    ) async throws -> GatewayHarness {
        let export = directory.appendingPathComponent("mocks", isDirectory: true)
        let mocks = try ChildProcess.start(
            name: "mocks", executable: qorgan,
            arguments: ["mocks", "serve", "--seed", String(seed), "--people", String(people), "--export", export.path, "--log-level", "warning"],
            outputDirectory: directory)
        do {
            _ = try await mocks.waitForOutput(containing: "sms http", timeout: .seconds(300))
            let smsPopulation = try PopulationGenerator(configuration: PopulationConfiguration(seed: seed, people: 20)).generate()
            let sms = try await MockRegistries.start(population: smsPopulation)
            do {
                let data = directory.appendingPathComponent("gateway", isDirectory: true)
                try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
                let storeKeys = StoreKeys.generate()
                let keys = try await issueKeys(count: keyCount, storePath: data.appendingPathComponent("qorgan.sqlite").path, storeKeys: storeKeys)
                let port = try freePort()
                let gateway = try ChildProcess.start(
                    name: "gateway", executable: qorgan,
                    arguments: [
                        "serve", "--registries", export.appendingPathComponent("client/connection.json").path, "--data-dir", data.path,
                        "--port", String(port), "--log-level", logLevel,
                    ],
                    environment: [
                        "QORGAN_LOOKUP_KEY": storeKeys.lookupKeyBase64, "QORGAN_PAYLOAD_KEY": storeKeys.payloadKeyBase64,
                        "QORGAN_REGISTRY_SMS_URL": sms.baseURL(.sms), "QORGAN_SMS_API_KEY": sms.smsAPIKey,
                    ],
                    outputDirectory: directory)
                do {
                    _ = try await gateway.waitForOutput(containing: "qorgan serve: API on", timeout: .seconds(60))
                    return GatewayHarness(mocks: mocks, gateway: gateway, sms: sms, baseURL: "http://127.0.0.1:\(port)", keys: keys)
                } catch {
                    await gateway.stop()
                    throw error
                }
            } catch {
                await sms.shutdown()
                throw error
            }
        } catch {
            await mocks.stop()
            throw error
        }
    }

    /// Stops the gateway, then the mocks.
    func stop() async {
        await gateway.stop()
        await mocks.stop()
        await sms.shutdown()
    }

    /// Waits until `GET /health` answers 200.
    func waitUntilHealthy(client: HTTPClient, timeout: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let response = try? await client.execute(HTTPClientRequest(url: baseURL + "/health"), timeout: .seconds(1)), response.status == .ok {
                return
            }
            guard gateway.isRunning else { throw BenchmarkFailure("the gateway exited: \(gateway.errorTail())") }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkFailure("the gateway was not healthy within \(timeout)")
    }

    /// Creates and confirms a consent for every registrant (`POST /v1/consents`, the code read from the SMS mock,
    /// `POST /v1/consents/{id}/confirm`), `connections` at a time.
    ///
    /// - Returns: how many consents were confirmed.
    func confirmConsents(for registrants: [ServiceWorkload.Registrant], client: HTTPClient, connections: Int) async throws -> Int {
        let load = LoadGenerator(client: client, baseURL: baseURL, keys: keys, connections: connections)
        let consentIDs = Mutex<[Int: String]>([:])
        let created = await load.run(
            registrants.map { LoadGenerator.Request(path: "/v1/consents", body: ServiceWorkload.json(["iin": $0.iin, "phone": $0.phone])) },
            bound: .count(limit: .seconds(600))
        ) { index, status, body in
            guard status == 201, let id = Self.stringField("consentId", in: body) else { return .wrong("HTTP \(status)") }
            consentIDs.withLock { $0[index] = id }
            return .correct
        }
        guard created.correct == registrants.count else {
            throw BenchmarkFailure("consents: \(created.correct) of \(registrants.count) created; \(created.wrong) \(created.failures)")
        }
        var codes: [String: String] = [:]
        for message in sms.sentMessages {
            if let code = message.text.firstMatch(of: /\d{6}/) { codes[message.to] = String(code.output) }
        }
        let ids = consentIDs.withLock { $0 }
        var confirmations: [LoadGenerator.Request] = []
        for (index, registrant) in registrants.enumerated() {
            guard let id = ids[index], let code = codes[registrant.phone] else { throw BenchmarkFailure("no SMS code for consent \(index)") }
            confirmations.append(LoadGenerator.Request(path: "/v1/consents/\(id)/confirm", body: ServiceWorkload.json(["code": code])))
        }
        let confirmed = await load.run(confirmations, bound: .count(limit: .seconds(600))) { _, status, _ in
            status == 200 ? .correct : .wrong("HTTP \(status)")
        }
        return confirmed.correct
    }

    /// A top-level string member of a JSON object, or `nil`.
    static func stringField(_ name: String, in body: ByteBuffer) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])?[name] as? String
    }

    /// Issues `count` registrar keys into the store at `path` (creating it) and returns the keys.
    private static func issueKeys(count: Int, storePath: String, storeKeys: StoreKeys) async throws -> [String] {
        let store = try SQLiteGatewayStore(path: storePath, keys: storeKeys)
        let issuer = APIKeyIssuer()
        var keys: [String] = []
        for index in 0..<max(1, count) {
            let issued = issuer.issue(name: "bench-registrar-\(index)", role: .registrar)
            try await store.add(issued.record)
            keys.append(issued.key)
        }
        return keys
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (bound to 0, read back, closed).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchmarkFailure("socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw BenchmarkFailure("cannot bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
