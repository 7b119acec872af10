import Identifiers
import Testing
import Verification

struct OrchestrationTests {
    @Test("a deadline never reports negative time left")
    func deadline() {
        let past = Deadline(ContinuousClock.now.advanced(by: .seconds(-1)))
        #expect(past.hasExpired)
        #expect(past.remaining == .zero)
        let soon = Deadline.after(.seconds(10)).capped(at: .milliseconds(10))
        #expect(soon.remaining <= .milliseconds(10))
    }

    @Test("a query that answers in time keeps its answer")
    func inTime() async {
        let result: RegistryResult<Int> = await RegistryCall.run(within: .after(.seconds(5))) { _ in .found(7, evidence: Samples.evidence()) }
        #expect(result.record == 7)
    }

    @Test("a query that overruns the deadline yields unavailable(timeout), by the deadline")
    func overrun() async {
        let start = ContinuousClock.now
        let result: RegistryResult<Int> = await RegistryCall.run(within: .after(.milliseconds(100))) { _ in
            do { try await Task.sleep(for: .seconds(30)) } catch { return .unavailable(.cancelled) }
            return .found(1, evidence: Samples.evidence())
        }
        let elapsed = start.duration(to: .now)
        #expect(result.outcome == .unavailable)
        if case .unavailable(let reason) = result { #expect(reason == .timeout) }
        #expect(elapsed < .milliseconds(100) + .milliseconds(400))
    }

    @Test("an expired deadline does not call the port")
    func expired() async {
        let result: RegistryResult<Int> = await RegistryCall.run(within: Deadline(.now.advanced(by: .seconds(-1)))) { _ in
            Issue.record("called after the deadline")
            return .found(1, evidence: Samples.evidence())
        }
        #expect(result.outcome == .unavailable)
    }

    @Test("a fan-out keeps fast answers and times out only the slow query")
    func fanOut() async {
        let start = ContinuousClock.now
        let results: [String: RegistryResult<Int>] = await RegistryFanOut.collect(within: .after(.milliseconds(200)), [
            "fast": { _ in .found(1, evidence: Samples.evidence()) },
            "missing": { _ in .notFound(evidence: Samples.evidence()) },
            "slow": { _ in
                do { try await Task.sleep(for: .seconds(30)) } catch { return .unavailable(.cancelled) }
                return .found(2, evidence: Samples.evidence())
            },
        ])
        let elapsed = start.duration(to: .now)
        #expect(results["fast"]?.record == 1)
        #expect(results["missing"]?.outcome == .notFound)
        #expect(results["slow"]?.outcome == .unavailable)
        #expect(elapsed < .milliseconds(200) + .milliseconds(400))
    }

    @Test("a fan-out honours its concurrency cap")
    func cap() async {
        let counter = InFlightCounter()
        var queries: [Int: RegistryFanOut.Query<Int>] = [:]
        for key in 0..<12 {
            queries[key] = { _ in
                await counter.enter()
                try? await Task.sleep(for: .milliseconds(5))
                await counter.leave()
                return .found(key, evidence: Samples.evidence())
            }
        }
        let results = await RegistryFanOut.collect(within: .after(.seconds(10)), maximumConcurrency: 3, queries)
        #expect(results.count == 12)
        #expect(results.values.allSatisfy { $0.outcome == .found })
        #expect(await counter.peak <= 3)
    }

    @Test("family evidence: one hanging registry costs its part, not the others, and never reads as not found")
    func family() async {
        let persons = StubPersonRegistry { iin in .found(Samples.person(iin), evidence: Samples.evidence(iin == Samples.child ? "c" : "p")) }
        let acts = StubBirthRecordRegistry(delay: .seconds(30), result: .found([], evidence: Samples.evidence("b")))
        let collector = FamilyEvidenceCollector(persons: persons, birthRecords: acts)
        let start = ContinuousClock.now
        let evidence = await collector.collect(child: Samples.child, parent: Samples.parent, within: .after(.milliseconds(150)))
        #expect(start.duration(to: .now) < .milliseconds(150) + .milliseconds(400))
        #expect(evidence.child.record?.iin == Samples.child)
        #expect(evidence.parent.record?.iin == Samples.parent)
        #expect(evidence.birthRecords.outcome == .unavailable)
        #expect(evidence.isIncomplete)
        #expect(Set(evidence.evidence.map(\.messageId)) == ["c", "p"])
    }
}

actor InFlightCounter {
    private(set) var current = 0
    private(set) var peak = 0
    func enter() {
        current += 1
        peak = max(peak, current)
    }
    func leave() { current -= 1 }
}
