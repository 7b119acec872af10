import Foundation
import Identifiers
import Synchronization
import Verification

/// How a fake registry behaves: answers from its tables, is down, answers untrustworthily, or hangs.
enum ProviderFakeBehaviour: Sendable {
    case answer
    case down
    case invalid
    /// Sleeps far past any test deadline (honours cancellation, as ports must).
    case hang

    func respond<Record: Sendable>(_ registry: RegistryName, calls: ProviderCallLog, _ lookup: () -> Record?) async -> RegistryResult<Record> {
        calls.enter(registry)
        defer { calls.leave() }
        switch self {
        case .answer:
            await Task.yield()
            let evidence = RegistryEvidence(registry: registry, messageId: "\(registry.rawValue)-\(UUID().uuidString)", resultCode: "00000")
            if let record = lookup() { return .found(record, evidence: evidence) }
            return .notFound(evidence: evidence)
        case .down:
            return .unavailable(.connection)
        case .invalid:
            return .invalidResponse(.badSignature("test"))
        case .hang:
            do { try await Task.sleep(for: .seconds(60)) } catch { return .unavailable(.cancelled) }
            return .unavailable(.other("woke up"))
        }
    }
}

/// Counts calls per registry and the most calls ever in flight at once.
final class ProviderCallLog: Sendable {
    private struct State {
        var calls: [RegistryName: Int] = [:]
        var inFlight = 0
        var maximumInFlight = 0
    }

    // Invariant: every access to `state` goes through the mutex.
    private let state = Mutex(State())

    func enter(_ registry: RegistryName) {
        state.withLock {
            $0.calls[registry, default: 0] += 1
            $0.inFlight += 1
            $0.maximumInFlight = max($0.maximumInFlight, $0.inFlight)
        }
    }

    func leave() { state.withLock { $0.inFlight -= 1 } }

    func calls(_ registry: RegistryName) -> Int { state.withLock { $0.calls[registry] ?? 0 } }
    var totalCalls: Int { state.withLock { $0.calls.values.reduce(0, +) } }
    var maximumInFlight: Int { state.withLock { $0.maximumInFlight } }
}

struct FakeBusinessRegistry: BusinessRegistry {
    var entities: [BIN: LegalEntity] = [:]
    var entrepreneurs: [IIN: IndividualEntrepreneur] = [:]
    var behaviour: ProviderFakeBehaviour = .answer
    var calls: ProviderCallLog

    func legalEntity(_ bin: BIN, within deadline: Deadline) async -> RegistryResult<LegalEntity> {
        await behaviour.respond(.business, calls: calls) { entities[bin] }
    }

    func entrepreneur(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<IndividualEntrepreneur> {
        await behaviour.respond(.business, calls: calls) { entrepreneurs[iin] }
    }
}

struct FakePersonRegistry: PersonRegistry {
    var persons: [IIN: PersonRecord] = [:]
    var behaviour: ProviderFakeBehaviour = .answer
    var calls: ProviderCallLog

    func person(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<PersonRecord> {
        await behaviour.respond(.individuals, calls: calls) { persons[iin] }
    }
}

struct FakeEducationRegistry: EducationRegistry {
    var educators: [IIN: EducatorQualification] = [:]
    var behaviour: ProviderFakeBehaviour = .answer
    var calls: ProviderCallLog

    func enrolment(of iin: IIN, within deadline: Deadline) async -> RegistryResult<StudentEnrolment> {
        await behaviour.respond(.education, calls: calls) { nil }
    }

    func qualification(of iin: IIN, within deadline: Deadline) async -> RegistryResult<EducatorQualification> {
        await behaviour.respond(.education, calls: calls) { educators[iin] }
    }
}

struct FakeHealthRegistry: HealthRegistry {
    var facts: [IIN: HealthFacts] = [:]
    var behaviour: ProviderFakeBehaviour = .answer
    var calls: ProviderCallLog

    func healthFacts(_ iin: IIN, within deadline: Deadline) async -> RegistryResult<HealthFacts> {
        await behaviour.respond(.health, calls: calls) { facts[iin] }
    }
}
