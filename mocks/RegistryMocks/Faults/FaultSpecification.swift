/// Parses `qorgan mocks serve --faults SPEC` into per-mock fault configurations.
///
/// Grammar: `SPEC := ENTRY (";" ENTRY)*`, `ENTRY := TARGET ":" SETTING ("," SETTING)*`, where `TARGET` is a
/// mock name or `all`, and `SETTING` is one of `mode=<FaultMode>`, `rate=<0…1>`, `latency=<none|fixed:MS|uniform:MIN-MAX|normal:MEAN/SD>`,
/// `retryAfter=<seconds>`, `hang=<seconds>`, `faultCode=<text>`, `faultMessage=<text>`, `seed=<n>`.
///
/// ```
/// individuals:mode=soapFault,rate=0.1,latency=uniform:5-40,seed=7;health:mode=expiredToken
/// ```
public enum FaultSpecification {
    /// The configurations the specification sets, by mock; later entries override earlier ones setting by setting.
    ///
    /// - Throws: ``RegistryMocksError/invalidFaultSpecification`` naming the offending part.
    public static func parse(_ text: String) throws(RegistryMocksError) -> [MockRegistryName: FaultConfiguration] {
        var result: [MockRegistryName: FaultConfiguration] = [:]
        for entry in text.split(separator: ";") where !entry.allSatisfy(\.isWhitespace) {
            let parts = entry.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { throw .invalidFaultSpecification(String(entry)) }
            let target = parts[0].trimmingWhitespace
            let names: [MockRegistryName]
            if target == "all" {
                names = MockRegistryName.allCases
            } else if let name = MockRegistryName(rawValue: target) {
                names = [name]
            } else {
                throw .invalidFaultSpecification("unknown mock \(target)")
            }
            for name in names {
                var configuration = result[name] ?? .none
                for setting in parts[1].split(separator: ",") {
                    try apply(setting, to: &configuration)
                }
                result[name] = configuration
            }
        }
        return result
    }

    private static func apply(_ setting: Substring, to configuration: inout FaultConfiguration) throws(RegistryMocksError) {
        let pair = setting.split(separator: "=", maxSplits: 1)
        guard pair.count == 2 else { throw .invalidFaultSpecification(String(setting)) }
        let key = pair[0].trimmingWhitespace, value = pair[1]
        switch key {
        case "mode":
            guard let mode = FaultMode(rawValue: value.trimmingWhitespace) else { throw .invalidFaultSpecification(String(setting)) }
            configuration.mode = mode
        case "rate":
            guard let rate = Double(value), (0...1).contains(rate) else { throw .invalidFaultSpecification(String(setting)) }
            configuration.rate = rate
        case "latency":
            guard let latency = LatencyDistribution(specification: value) else { throw .invalidFaultSpecification(String(setting)) }
            configuration.latency = latency
        case "retryAfter":
            guard let seconds = Int(value), seconds >= 0 else { throw .invalidFaultSpecification(String(setting)) }
            configuration.retryAfterSeconds = seconds
        case "hang":
            guard let seconds = Double(value), seconds >= 0 else { throw .invalidFaultSpecification(String(setting)) }
            configuration.hangSeconds = seconds
        case "faultCode":
            configuration.faultCode = String(value)
        case "faultMessage":
            configuration.faultMessage = String(value)
        case "seed":
            guard let seed = UInt64(value) else { throw .invalidFaultSpecification(String(setting)) }
            configuration.seed = seed
        default:
            throw .invalidFaultSpecification("unknown setting \(key)")
        }
    }
}

extension Substring {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
