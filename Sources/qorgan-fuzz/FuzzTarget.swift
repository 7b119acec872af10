/// One parser under fuzzing: takes arbitrary bytes and must either accept or refuse them with a typed error —
/// never crash, hang or break one of the properties it checks (a broken property is a `preconditionFailure`,
/// which libFuzzer reports as a crash with the input that caused it).
protocol FuzzTarget: Sendable {
    /// The name used on the command line and as the corpus folder (`Tests/FuzzCorpus/<name>`).
    static var name: String { get }
    /// Feeds one input.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// Every fuzz target, by name.
enum FuzzTargets {
    static let all: [any FuzzTarget.Type] = [IINFuzzTarget.self, CSVFuzzTarget.self, XMLFuzzTarget.self, SOAPFuzzTarget.self, XMLWriterFuzzTarget.self]

    static func named(_ name: String) -> (any FuzzTarget.Type)? {
        all.first { $0.name == name }
    }
}
