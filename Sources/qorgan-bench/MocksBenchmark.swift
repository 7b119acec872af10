import ArgumentParser
import Foundation
import Identifiers
import NIOCore
import NIOPosix
import Population
import RegistryMocks
import SOAP
import XMLSupport

#if canImport(Glibc)
import Glibc
#endif

/// `qorgan-bench mocks` — signed person look-ups per second against the individuals (ГБД ФЛ) mock, beside the
/// loopback limit measured in the same run: `wrk` against nginx serving the same response bytes as a static file.
///
/// Both runs use the same `wrk` command (threads, connections, duration, keep-alive, the same signed POST from a Lua
/// script). Needs `wrk` and `nginx` (Debian: `apt-get install -y wrk nginx-light`).
struct MocksBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mocks",
        abstract: "Signed ГБД ФЛ person look-ups/s on the individuals mock vs. nginx serving the same bytes (wrk, loopback, keep-alive)."
    )

    @Option(help: "People in the served population.")
    var people: Int = 20_000

    @Option(help: "wrk connections (kept alive).")
    var connections: Int = 64

    @Option(help: "wrk threads.")
    var threads: Int = 2

    @Option(help: "Seconds per measured run.")
    var duration: Int = 10

    @Flag(help: "Skip the nginx reference run.")
    var skipNginx = false

    @Flag(help: "Run Swift concurrency's global executor on NIO's event loops (process-wide; fewer thread hops per request).")
    var nioExecutor = false

    @Flag(help: "Also time the stages of one look-up in-process, single-threaded (parse, verify, sign and their parts).")
    var stages = false

    func run() async throws {
        if nioExecutor {
            guard NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() else {
                throw ValidationError("could not make NIO's event loops the global executor")
            }
            print("  Swift concurrency's global executor: NIO's event loops (NIOSingletons, \(NIOSingletons.groupLoopCountSuggestion) threads)")
        }
        let population = try PopulationGenerator(configuration: PopulationConfiguration(seed: 1, people: people)).generate()
        guard let record = population.individuals.persons.first(where: { $0.lifeStatus == .normal }) else { throw ValidationError("empty population") }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qorgan-bench-mocks-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("www"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let mocks = try await MockRegistries.start(population: population)
        defer { Task { await mocks.shutdown() } }
        guard let client = mocks.clientIdentity else { throw ValidationError("no client identity") }
        let request = SendMessageRequest(
            info: .init(
                messageId: UUID().uuidString.lowercased(), serviceId: mocks.serviceIds.person, messageDate: "2025-09-01T10:00:00.000+05:00",
                sender: mocks.senders[0], sessionId: "{9a7e2f10-0b6c-4d58-9e3a-52c1d0f4e8b7}"),
            payload: .element(
                XMLFragment { writer in
                    writer.startElement("PersonRequest", prefix: "p")
                    writer.declareNamespace(prefix: "p", uri: "urn:qorgan:mock:gbdfl:v1")
                    writer.element("iin", prefix: "p", text: record.person.iin.unmasked)
                    writer.endElement()
                }, xsiType: .init(prefix: "p", namespace: "urn:qorgan:mock:gbdfl:v1", localName: "PersonRequest")))
        let requestFile = directory.appendingPathComponent("request.xml")
        try Data(try client.wsSecuritySigner().signedEnvelope(request)).write(to: requestFile)
        let script = directory.appendingPathComponent("post.lua")
        try Data(Self.luaScript(body: requestFile.path).utf8).write(to: script)

        // One look-up first: it must be a signed person answer; its bytes become nginx's static file.
        let sample = try await Self.run(["curl", "-s", "-X", "POST", "-H", "Content-Type: text/xml; charset=utf-8", "--data-binary", "@" + requestFile.path,
                                   mocks.baseURL(.individuals) + "/"])
        let verifier = try WSSecurityVerifier(configuration: .init(trustedCertificates: [mocks.signingCertificate]))
        let envelope = try SOAPEnvelope(parsing: Array(sample.utf8))
        guard try verifier.verify(envelope) != nil, sample.contains("<code>00000</code>") else {
            throw ValidationError("the mock did not answer a signed person record")
        }
        try Data(sample.utf8).write(to: directory.appendingPathComponent("www/person.xml"))
        if stages { try MockLookupStages(request: Array(try Data(contentsOf: requestFile)), response: Array(sample.utf8), client: client).report() }

        var load = [Double](repeating: 0, count: 3)
        _ = getloadavg(&load, 3)
        print("  load average before the run: \(load.map { String(format2: $0) }.joined(separator: " ")) (other processes share the 2 cores)")
        let wrkArguments = ["wrk", "-t\(threads)", "-c\(connections)", "-d\(duration)s", "--latency", "-s", script.path]
        print("mocks: signed ГБД ФЛ person look-ups, \(people) people, response \(sample.utf8.count) bytes, request \(try Data(contentsOf: requestFile).count) bytes")
        print("  command: \((wrkArguments + ["http://127.0.0.1:PORT/"]).joined(separator: " "))  (keep-alive; after a 2 s warm-up)")
        _ = try await Self.run(wrkArguments.map { $0 == "-d\(duration)s" ? "-d2s" : $0 } + [mocks.baseURL(.individuals) + "/"])
        let cpuBefore = Self.processCPUSeconds()
        let mockRun = try WrkResult(await Self.run(wrkArguments + [mocks.baseURL(.individuals) + "/"]))
        let cpuPerLookup = (Self.processCPUSeconds() - cpuBefore) / max(1, mockRun.requestsPerSecond * Double(duration))
        print("  individuals mock (Hummingbird, verify request + sign response): \(format(mockRun.requestsPerSecond)) req/s, "
              + "p50 \(mockRun.p50), p99 \(mockRun.p99), non-2xx \(mockRun.non2xx), errors \(mockRun.errors)")
        print("  mock CPU per look-up (user+system, this process): \(String(format2: cpuPerLookup * 1e6)) µs "
              + "→ at most \(format(1 / max(cpuPerLookup, 1e-9))) look-ups/s per fully free core")
        await mocks.shutdown()

        guard !skipNginx else { return }
        let port = 20_000 + Int(getpid() % 20_000)
        let configurationFile = directory.appendingPathComponent("nginx.conf")
        try Data(Self.nginxConfiguration(prefix: directory.path, port: port).utf8).write(to: configurationFile)
        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        nginx.arguments = ["-p", directory.path, "-c", configurationFile.path]
        nginx.standardError = FileHandle.nullDevice
        try nginx.run()
        defer { if nginx.isRunning { nginx.terminate(); nginx.waitUntilExit() } }
        let url = "http://127.0.0.1:\(port)/person.xml"
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(50))
            ready = (try? await Self.run(["curl", "-s", "-o", "/dev/null", "-X", "POST", "--data-binary", "@" + requestFile.path, url])) != nil
        }
        let served = try await Self.run(["curl", "-s", "-X", "POST", "--data-binary", "@" + requestFile.path, url])
        guard served == sample else { throw ValidationError("nginx did not serve the same bytes") }
        _ = try await Self.run(wrkArguments.map { $0 == "-d\(duration)s" ? "-d2s" : $0 } + [url])
        let nginxRun = try WrkResult(await Self.run(wrkArguments + [url]))
        print("  nginx static file, same bytes (loopback limit): \(format(nginxRun.requestsPerSecond)) req/s, "
              + "p50 \(nginxRun.p50), p99 \(nginxRun.p99), non-2xx \(nginxRun.non2xx), errors \(nginxRun.errors)")
        print("  mock / nginx: \(String(format2: mockRun.requestsPerSecond / max(nginxRun.requestsPerSecond, 1) * 100)) %; "
              + "target ≥ 5,000 signed look-ups/s: \(mockRun.requestsPerSecond >= 5000 ? "met" : "NOT met")")
    }

    static func luaScript(body path: String) -> String {
        """
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "text/xml; charset=utf-8"
        wrk.headers["SOAPAction"] = '""'
        local file = io.open("\(path)", "rb")
        wrk.body = file:read("*a")
        file:close()
        """
    }

    static func nginxConfiguration(prefix: String, port: Int) -> String {
        """
        daemon off;
        master_process on;
        worker_processes 2;
        pid \(prefix)/nginx.pid;
        error_log \(prefix)/nginx-error.log error;
        events { worker_connections 4096; }
        http {
            access_log off;
            client_body_temp_path \(prefix)/body;
            proxy_temp_path \(prefix)/proxy;
            fastcgi_temp_path \(prefix)/fastcgi;
            uwsgi_temp_path \(prefix)/uwsgi;
            scgi_temp_path \(prefix)/scgi;
            keepalive_requests 10000000;
            keepalive_timeout 60s;
            types { text/xml xml; }
            server {
                listen 127.0.0.1:\(port);
                root \(prefix)/www;
                location / { error_page 405 =200 $uri; }
            }
        }
        """
    }

    /// User + system CPU seconds this process has used (`RUSAGE_SELF`), or its waited-for children (`RUSAGE_CHILDREN`).
    static func processCPUSeconds(_ who: __rusage_who = RUSAGE_SELF) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Runs a command to completion and returns its standard output.
    ///
    /// The wait blocks a thread, so it happens on NIO's blocking-I/O pool: never on a thread the mock's requests may
    /// need (with `--nio-executor` the async code runs on the very event loops that serve the mock).
    static func run(_ arguments: [String]) async throws -> String {
        let output = try await NIOThreadPool.singleton.runIfActive { runCommand(arguments, includingStandardError: false) }
        guard output.status == 0 else { throw ValidationError("\(arguments[0]) exited with \(output.status)") }
        return output.text
    }
}

/// The figures of one `wrk --latency` run.
struct WrkResult {
    let requestsPerSecond: Double
    let p50: String
    let p99: String
    let non2xx: Int
    let errors: String

    init(_ output: String) throws {
        func value(after prefix: String) -> String? {
            output.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }
                .map { $0.trimmingCharacters(in: .whitespaces).dropFirst(prefix.count).trimmingCharacters(in: .whitespaces) }
        }
        guard let rate = value(after: "Requests/sec:").flatMap(Double.init) else { throw ValidationError("unreadable wrk output") }
        requestsPerSecond = rate
        p50 = value(after: "50%") ?? "?"
        p99 = value(after: "99%") ?? "?"
        non2xx = value(after: "Non-2xx or 3xx responses:").flatMap { Int($0) } ?? 0
        errors = value(after: "Socket errors:") ?? "none"
    }
}
