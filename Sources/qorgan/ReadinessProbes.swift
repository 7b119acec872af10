import Foundation
import Identifiers
import RegistryAdapters
import Service
import Storage
import Verification

/// `/ready` checks: the store accepts writes, and each registry answers a look-up of a probe IIN (found or not
/// found both prove it answers; unavailable or an untrustworthy answer fail the check). The SMS gateway is not
/// probed (a probe would send a message).
enum ReadinessProbes {
    /// A syntactically valid IIN used only to probe.
    static let probe: IIN = {
        for serial in 1...99 {
            let prefix = "0001015" + String(format: "%04d", serial)
            if let check = IIN.checkDigit(forPrefix: prefix.utf8.map { $0 - 48 }), let iin = try? IIN(prefix + String(check)) { return iin }
        }
        fatalError("no probe IIN")
    }()

    static func checks(store: any GatewayStore, registries: RegistryAdapterSet) -> [ReadinessCheck] {
        @Sendable func status<Record>(_ result: RegistryResult<Record>) -> ReadinessCheck.Status {
            switch result {
            case .found, .notFound: .ok
            case .unavailable(let reason): .failed(reason: "unavailable: \(reason)")
            case .invalidResponse(let reason): .failed(reason: "invalid response: \(reason)")
            }
        }
        return [
            ReadinessCheck(name: "store") { await store.isWritable() ? .ok : .failed(reason: "not writable") },
            ReadinessCheck(name: "individuals") { status(await registries.persons.person(probe, within: .after(.seconds(1)))) },
            ReadinessCheck(name: "education") { status(await registries.education.enrolment(of: probe, within: .after(.seconds(1)))) },
            ReadinessCheck(name: "business") { status(await registries.business.entrepreneur(probe, within: .after(.seconds(1)))) },
            ReadinessCheck(name: "health") { status(await registries.health.healthFacts(probe, within: .after(.seconds(1)))) },
        ]
    }
}
