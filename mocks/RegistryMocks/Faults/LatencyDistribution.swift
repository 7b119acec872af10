import Population

/// Extra delay a mock adds before answering, drawn per request from a seeded generator.
///
/// JSON (control endpoint): `{"kind":"none"}`, `{"kind":"fixed","milliseconds":50}`,
/// `{"kind":"uniform","minimumMilliseconds":10,"maximumMilliseconds":90}`,
/// `{"kind":"normal","meanMilliseconds":50,"standardDeviationMilliseconds":10}` (clamped at 0 and at mean + 4σ).
/// CLI (`--faults`): `latency=none`, `latency=fixed:50`, `latency=uniform:10-90`, `latency=normal:50/10` (milliseconds).
public enum LatencyDistribution: Sendable, Hashable {
    /// No added delay (the default).
    case none
    /// The same delay every time.
    case fixed(milliseconds: Double)
    /// Uniform in `minimum...maximum`.
    case uniform(minimumMilliseconds: Double, maximumMilliseconds: Double)
    /// Normal-ish (Box–Muller), clamped to `0...mean + 4σ`.
    case normal(meanMilliseconds: Double, standardDeviationMilliseconds: Double)

    /// Draws one delay in milliseconds.
    func sample(using random: inout SplitMix64) -> Double {
        switch self {
        case .none:
            return 0
        case .fixed(let milliseconds):
            return max(0, milliseconds)
        case .uniform(let minimum, let maximum):
            let low = min(minimum, maximum), high = max(minimum, maximum)
            return max(0, low + (high - low) * random.nextUnit())
        case .normal(let mean, let deviation):
            let u1 = max(random.nextUnit(), 1e-12), u2 = random.nextUnit()
            let z = (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
            return min(max(0, mean + z * deviation), mean + 4 * abs(deviation))
        }
    }

    /// Parses the CLI form (`fixed:50`, `uniform:10-90`, `normal:50/10`, `none`).
    init?(specification text: Substring) {
        let parts = text.split(separator: ":", maxSplits: 1)
        let kind = parts.first.map(String.init) ?? ""
        let arguments = parts.count == 2 ? parts[1] : ""
        switch kind {
        case "none":
            self = .none
        case "fixed":
            guard let value = Double(arguments) else { return nil }
            self = .fixed(milliseconds: value)
        case "uniform":
            let bounds = arguments.split(separator: "-").compactMap { Double($0) }
            guard bounds.count == 2 else { return nil }
            self = .uniform(minimumMilliseconds: bounds[0], maximumMilliseconds: bounds[1])
        case "normal":
            let values = arguments.split(separator: "/").compactMap { Double($0) }
            guard values.count == 2 else { return nil }
            self = .normal(meanMilliseconds: values[0], standardDeviationMilliseconds: values[1])
        default:
            return nil
        }
    }
}

extension LatencyDistribution: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, milliseconds, minimumMilliseconds, maximumMilliseconds, meanMilliseconds, standardDeviationMilliseconds
    }

    /// Reads the JSON form described on the type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "none":
            self = .none
        case "fixed":
            self = .fixed(milliseconds: try container.decode(Double.self, forKey: .milliseconds))
        case "uniform":
            self = .uniform(
                minimumMilliseconds: try container.decode(Double.self, forKey: .minimumMilliseconds),
                maximumMilliseconds: try container.decode(Double.self, forKey: .maximumMilliseconds))
        case "normal":
            self = .normal(
                meanMilliseconds: try container.decode(Double.self, forKey: .meanMilliseconds),
                standardDeviationMilliseconds: try container.decode(Double.self, forKey: .standardDeviationMilliseconds))
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown latency kind")
        }
    }

    /// Writes the JSON form described on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .none:
            try container.encode("none", forKey: .kind)
        case .fixed(let milliseconds):
            try container.encode("fixed", forKey: .kind)
            try container.encode(milliseconds, forKey: .milliseconds)
        case .uniform(let minimum, let maximum):
            try container.encode("uniform", forKey: .kind)
            try container.encode(minimum, forKey: .minimumMilliseconds)
            try container.encode(maximum, forKey: .maximumMilliseconds)
        case .normal(let mean, let deviation):
            try container.encode("normal", forKey: .kind)
            try container.encode(mean, forKey: .meanMilliseconds)
            try container.encode(deviation, forKey: .standardDeviationMilliseconds)
        }
    }
}
