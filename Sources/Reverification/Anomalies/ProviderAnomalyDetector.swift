import Identifiers
import Normalization
import Verification

/// Finds provider anomalies over the active vouchers' subjects and the run's flags. Feed every voucher with
/// ``add(_:flagged:)``, then read ``anomalies()``. Keeps a compact entry per voucher (no names).
public struct ProviderAnomalyDetector: Sendable {
    struct Entry: Sendable {
        var voucherID: String
        var child: String
        var provider: String
        var coaches: [String]
        var type: ProviderSectionType?
        var schedule: [ScheduleSlot]
        var regionKATO: String
        var flagged: Bool
    }

    /// The norms.
    public let configuration: ProviderAnomalyConfiguration
    private var entries: [Entry] = []

    /// Creates a detector.
    public init(configuration: ProviderAnomalyConfiguration = .init()) {
        self.configuration = configuration
    }

    /// Adds one active voucher and whether the run flagged it (REVIEW or SUSPEND_SUGGESTED).
    public mutating func add(_ subject: ReverificationSubject, flagged: Bool) {
        entries.append(Entry(
            voucherID: subject.voucherID, child: subject.child.iin, provider: subject.providerID, coaches: subject.coachIINs,
            type: subject.section.type, schedule: subject.section.schedule, regionKATO: subject.programme.region.kato, flagged: flagged))
    }

    /// Every anomaly, by kind, then provider.
    public func anomalies() -> [ProviderAnomaly] {
        var found: [ProviderAnomaly] = []
        // Coaches: by coach, which providers list them and how many children per section type.
        var byCoach: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            for coach in Set(entry.coaches) { byCoach[coach, default: []].append(index) }
        }
        for (coach, indexes) in byCoach.sorted(by: { $0.key < $1.key }) {
            let providers = Self.ordered(indexes.map { entries[$0].provider })
            if providers.count > 1 {
                found.append(ProviderAnomaly(
                    kind: .coachSharedByProviders, providers: providers.map(Self.label), coach: Self.maskedIIN(coach),
                    voucherIDs: indexes.map { entries[$0].voucherID }, regionKATO: entries[indexes[0]].regionKATO, detail: "providers=\(providers.count)"))
            }
            var byType: [ProviderSectionType?: Set<String>] = [:]
            for index in indexes { byType[entries[index].type, default: []].insert(entries[index].child) }
            for (type, children) in byType.sorted(by: { ($0.key?.rawValue ?? "") < ($1.key?.rawValue ?? "") }) {
                let norm = configuration.norm(for: type)
                if children.count > norm {
                    let concerned = indexes.filter { entries[$0].type == type }
                    found.append(ProviderAnomaly(
                        kind: .coachOverloaded, providers: Self.ordered(concerned.map { entries[$0].provider }).map(Self.label), coach: Self.maskedIIN(coach),
                        voucherIDs: concerned.map { entries[$0].voucherID }, regionKATO: entries[concerned[0]].regionKATO,
                        detail: "children=\(children.count) norm=\(norm) type=\(type?.rawValue ?? "ANY")"))
                }
            }
        }
        // Children in two sections whose schedules overlap.
        var byChild: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() where !entry.schedule.isEmpty { byChild[entry.child, default: []].append(index) }
        for (_, indexes) in byChild.sorted(by: { $0.key < $1.key }) where indexes.count > 1 {
            for (position, first) in indexes.enumerated() {
                for second in indexes[(position + 1)...] {
                    let a = entries[first]
                    let b = entries[second]
                    guard let clash = a.schedule.first(where: { slot in b.schedule.contains { $0.overlaps(slot) } }) else { continue }
                    found.append(ProviderAnomaly(
                        kind: .overlappingSchedules, providers: Self.ordered([a.provider, b.provider]).map(Self.label), voucherIDs: [a.voucherID, b.voucherID],
                        regionKATO: a.regionKATO, detail: "weekday=\(clash.weekday) \(clash.start)-\(clash.end)"))
                }
            }
        }
        // Providers whose children are mostly flagged.
        var byProvider: [String: (total: Int, flagged: Int, vouchers: [String], region: String)] = [:]
        for entry in entries {
            var tally = byProvider[entry.provider] ?? (0, 0, [], entry.regionKATO)
            tally.total += 1
            if entry.flagged {
                tally.flagged += 1
                tally.vouchers.append(entry.voucherID)
            }
            byProvider[entry.provider] = tally
        }
        for (provider, tally) in byProvider.sorted(by: { $0.key < $1.key })
        where tally.total >= configuration.minimumVouchersForShare && Double(tally.flagged) > configuration.flaggedShare * Double(tally.total) {
            found.append(ProviderAnomaly(
                kind: .providerMostlyFlagged, providers: [Self.label(provider)], voucherIDs: tally.vouchers, regionKATO: tally.region,
                detail: "flagged=\(tally.flagged)/\(tally.total)"))
        }
        return found
    }

    /// The raw coach IINs listed by more than one provider (for tests and evaluation against ground truth).
    public func sharedCoachIINs() -> Set<String> {
        var providers: [String: Set<String>] = [:]
        for entry in entries {
            for coach in entry.coaches { providers[coach, default: []].insert(entry.provider) }
        }
        return Set(providers.filter { $0.value.count > 1 }.keys)
    }

    private static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    static func label(_ provider: String) -> String {
        (try? ProviderIdentifier(typed: provider))?.masked ?? "invalid"
    }

    static func maskedIIN(_ digits: String) -> String {
        (try? IIN(digits))?.masked ?? "invalid"
    }
}
