// swift-tools-version: 6.1
// Qorgan — data-integration and identity-verification gateway between a voucher platform and state registries.
// Module plan and dependency direction: see README.md ("Modules").
import PackageDescription

/// Settings every Qorgan target shares: Swift 6 language mode plus the upcoming features the conventions ask for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "qorgan",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qorgan", targets: ["qorgan"]),
        .executable(name: "qorgan-bench", targets: ["qorgan-bench"]),
        .executable(name: "qorgan-fuzz", targets: ["qorgan-fuzz"]),
        .library(name: "Identifiers", targets: ["Identifiers"]),
        .library(name: "XMLSupport", targets: ["XMLSupport"]),
        .library(name: "SOAP", targets: ["SOAP"]),
        .library(name: "Population", targets: ["Population"]),
        .library(name: "Normalization", targets: ["Normalization"]),
        .library(name: "Matching", targets: ["Matching"]),
        .library(name: "Verification", targets: ["Verification"]),
        .library(name: "RegistryTransport", targets: ["RegistryTransport"]),
        .library(name: "SyncChannelClient", targets: ["SyncChannelClient"]),
        .library(name: "GBDFLAdapter", targets: ["GBDFLAdapter"]),
        .library(name: "EducationAdapter", targets: ["EducationAdapter"]),
        .library(name: "BusinessRegistryAdapter", targets: ["BusinessRegistryAdapter"]),
        .library(name: "HealthAdapter", targets: ["HealthAdapter"]),
        .library(name: "SMSAdapter", targets: ["SMSAdapter"]),
        .library(name: "RegistryAdapters", targets: ["RegistryAdapters"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "Cleansing", targets: ["Cleansing"]),
        .library(name: "Service", targets: ["Service"]),
        .library(name: "Reverification", targets: ["Reverification"]),
        .library(name: "PostgresStorage", targets: ["PostgresStorage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // MARK: - Core (Sources/)
        .target(
            name: "Identifiers",
            path: "Sources/Identifiers",
            swiftSettings: strictSettings
        ),
        /// Canonical forms of names, dates, phones and regions (pure).
        .target(
            name: "Normalization",
            dependencies: ["Identifiers"],
            path: "Sources/Normalization",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// Comparators, comparison levels, the Fellegi–Sunter model, EM training and explanations (pure).
        .target(
            name: "Matching",
            dependencies: ["Normalization", "Identifiers"],
            path: "Sources/Matching",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// Domain records, registry ports, typed registry results and deadline orchestration (no I/O of its own).
        .target(
            name: "Verification",
            dependencies: ["Identifiers", "Normalization", "Matching"],
            path: "Sources/Verification",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// Decisions, reviews, vouchers, consents, API keys, batch checkpoints and the hash-chained audit log (SQLite via GRDB).
        .target(
            name: "Storage",
            dependencies: [
                "Verification",
                "Identifiers",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Storage",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// Batch cleansing of parent records: streaming CSV in and out, resumable job runner, progress, HTML/JSON report.
        .target(
            name: "Cleansing",
            dependencies: ["Verification", "Storage", "Identifiers", "Normalization", "Matching", .product(name: "Logging", package: "swift-log")],
            path: "Sources/Cleansing",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// Re-verification of active vouchers, cross-registry contradictions and provider anomalies ("dead souls").
        .target(
            name: "Reverification",
            dependencies: ["Verification", "Storage", "Cleansing", "Identifiers", "Normalization", "Matching", .product(name: "Logging", package: "swift-log")],
            path: "Sources/Reverification",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// The storage port on PostgreSQL (postgres-nio) for several gateways and batch workers sharing one database.
        .target(
            name: "PostgresStorage",
            dependencies: [
                "Storage",
                "Verification",
                "Identifiers",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/PostgresStorage",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// The gateway's HTTP API (Hummingbird): routes, auth, rate limits, problem+json, metrics, OpenAPI, operator console.
        .target(
            name: "Service",
            dependencies: [
                "Cleansing",
                "Verification",
                "Storage",
                "Identifiers",
                "Normalization",
                "Matching",
                "RegistryAdapters",
                "Reverification",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/Service",
            exclude: ["README.md"],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strictSettings
        ),

        // MARK: - Adapters (adapters/)
        .systemLibrary(
            name: "CLibXML2",
            path: "adapters/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        /// Per-document arenas for libxml2's allocations (C; no dependencies).
        .target(
            name: "CXMLArena",
            path: "adapters/CXMLArena",
            exclude: ["README.md"],
            cSettings: [.unsafeFlags(["-O2"])]
        ),
        /// ECDSA P-256 verification against pinned keys with precomputed tables (C, on swift-crypto's BoringSSL).
        .target(
            name: "CP256Verify",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "adapters/CP256Verify",
            exclude: ["README.md"],
            cSettings: [.unsafeFlags(["-O2"])]
        ),
        .target(
            name: "XMLSupport",
            dependencies: ["CLibXML2", "CXMLArena"],
            path: "adapters/XMLSupport",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SOAP",
            dependencies: [
                "XMLSupport",
                "Identifiers",
                "CP256Verify",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "adapters/SOAP",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// Shared HTTP client, timeouts, retries with backoff, circuit breaker, bounded concurrency, OAuth2 tokens, metrics.
        .target(
            name: "RegistryTransport",
            dependencies: [
                "Verification",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            path: "adapters/RegistryTransport",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// SyncChannel v10 calls for the SOAP adapters: build and sign the request, verify and classify the answer.
        .target(
            name: "SyncChannelClient",
            dependencies: ["Verification", "Identifiers", "Normalization", "SOAP", "XMLSupport", "RegistryTransport", .product(name: "Logging", package: "swift-log")],
            path: "adapters/SyncChannelClient",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// ГБД ФЛ: persons by IIN and ЗАГС birth records (SyncChannel SOAP).
        .target(
            name: "GBDFLAdapter",
            dependencies: ["Verification", "Identifiers", "Normalization", "SyncChannelClient", "XMLSupport", .product(name: "Logging", package: "swift-log")],
            path: "adapters/GBDFLAdapter",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// НОБД: pupil enrolment and educator qualification (SyncChannel SOAP).
        .target(
            name: "EducationAdapter",
            dependencies: ["Verification", "Identifiers", "SyncChannelClient", "XMLSupport"],
            path: "adapters/EducationAdapter",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// ГБД ЮЛ: legal entities by BIN, individual entrepreneurs by IIN (SyncChannel SOAP).
        .target(
            name: "BusinessRegistryAdapter",
            dependencies: ["Verification", "Identifiers", "SyncChannelClient", "XMLSupport"],
            path: "adapters/BusinessRegistryAdapter",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// Health registries: attachment, disability, dispensary, sports clearance (JSON REST, OAuth2).
        .target(
            name: "HealthAdapter",
            dependencies: ["Verification", "Identifiers", "RegistryTransport", .product(name: "Logging", package: "swift-log")],
            path: "adapters/HealthAdapter",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// SMS gateway (JSON REST, API key).
        .target(
            name: "SMSAdapter",
            dependencies: ["Verification", "Normalization", "RegistryTransport", .product(name: "Logging", package: "swift-log")],
            path: "adapters/SMSAdapter",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// The adapters' factory: every registry port from one configuration over one shared HTTP client.
        .target(
            name: "RegistryAdapters",
            dependencies: [
                "Verification", "RegistryTransport", "SyncChannelClient", "SOAP", "GBDFLAdapter", "EducationAdapter", "BusinessRegistryAdapter",
                "HealthAdapter", "SMSAdapter",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "adapters/RegistryAdapters",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),

        // MARK: - Mocks (mocks/)
        /// Deterministic synthetic population with per-registry views, injected defects and ground truth.
        .target(
            name: "Population",
            dependencies: ["Identifiers"],
            path: "mocks/Population",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        /// Mock registry servers (SyncChannel SOAP, OAuth2 JSON REST, SMS) with fault injection, served from a population.
        .target(
            name: "RegistryMocks",
            dependencies: [
                "Identifiers",
                "Population",
                "XMLSupport",
                "SOAP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "mocks/RegistryMocks",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),

        // MARK: - Executables
        .executableTarget(
            name: "qorgan",
            dependencies: [
                "Identifiers",
                "Normalization",
                "Matching",
                "Verification",
                "Storage",
                "Service",
                "Cleansing",
                "Reverification",
                "PostgresStorage",
                "RegistryAdapters",
                "Population",
                "RegistryMocks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/qorgan",
            swiftSettings: strictSettings,
            // gperftools' tcmalloc (Debian `libtcmalloc-minimal4`, installed by scripts/ensure-system-packages.sh)
            // replaces glibc's malloc in the product binary: glibc spent 11–12 % of the gateway's CPU in malloc,
            // free and their fastbin consolidation; BENCHMARKS.md has the measured difference.
            linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libtcmalloc_minimal.so.4"])]
        ),
        /// Release-mode benchmarks: `swift run -c release qorgan-bench --help`.
        .executableTarget(
            name: "qorgan-bench",
            dependencies: [
                "Identifiers",
                "CReferenceIIN",
                "CAllocationCounter",
                "XMLSupport",
                "SOAP",
                "Population",
                "Normalization",
                "Matching",
                "RegistryMocks",
                "Storage",
                "Service",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/qorgan-bench",
            swiftSettings: strictSettings
        ),
        /// libFuzzer targets (IIN, CSV, XML, SOAP): `scripts/fuzz.sh`; an ordinary build replays a corpus instead.
        .executableTarget(
            name: "qorgan-fuzz",
            dependencies: ["Identifiers", "Cleansing", "XMLSupport", "SOAP"],
            path: "Sources/qorgan-fuzz",
            swiftSettings: strictSettings
        ),
        /// The plain C reference loop the IIN benchmark compares against (compiled with -O2).
        .target(
            name: "CReferenceIIN",
            path: "Sources/CReferenceIIN",
            cSettings: [.unsafeFlags(["-O2"])]
        ),
        /// Counts heap allocations of the benchmark process (interposes malloc and friends).
        .target(
            name: "CAllocationCounter",
            path: "Sources/CAllocationCounter",
            cSettings: [.unsafeFlags(["-O2"])]
        ),

        // MARK: - Tests
        .testTarget(
            name: "IdentifiersTests",
            dependencies: ["Identifiers"],
            path: "Tests/IdentifiersTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "XMLSupportTests",
            dependencies: ["XMLSupport", "CXMLArena"],
            path: "Tests/XMLSupportTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SOAPTests",
            dependencies: [
                "SOAP",
                "XMLSupport",
                "CP256Verify",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "Tests/SOAPTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PopulationTests",
            dependencies: ["Population", "Identifiers"],
            path: "Tests/PopulationTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NormalizationTests",
            dependencies: ["Normalization", "Identifiers"],
            path: "Tests/NormalizationTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MatchingTests",
            dependencies: ["Matching", "Normalization", "Identifiers"],
            path: "Tests/MatchingTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VerificationTests",
            dependencies: ["Verification", "Identifiers", "Normalization", "Matching"],
            path: "Tests/VerificationTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RegistryTransportTests",
            dependencies: [
                "RegistryTransport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            path: "Tests/RegistryTransportTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AdapterTests",
            dependencies: [
                "GBDFLAdapter", "EducationAdapter", "BusinessRegistryAdapter", "HealthAdapter", "SMSAdapter", "SyncChannelClient", "RegistryAdapters",
                "RegistryTransport", "Verification", "Identifiers", "Normalization", "SOAP", "XMLSupport", "RegistryMocks", "Population",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "Tests/AdapterTests",
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RegistryMocksTests",
            dependencies: [
                "RegistryMocks",
                "Population",
                "SOAP",
                "XMLSupport",
                "Identifiers",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "Tests/RegistryMocksTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "PostgresStorage", "Identifiers", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/StorageTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CleansingTests",
            dependencies: ["Cleansing", "Verification", "Storage", "Identifiers", "Normalization", "Matching", "Population"],
            path: "Tests/CleansingTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ServiceTests",
            dependencies: [
                "Service", "Storage", "Verification", "Identifiers", "RegistryMocks", "Population", "RegistryAdapters", "Reverification",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            path: "Tests/ServiceTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReverificationTests",
            dependencies: [
                "Reverification", "Cleansing", "Verification", "Storage", "Identifiers", "Normalization", "Population", "RegistryMocks",
                "RegistryAdapters",
            ],
            path: "Tests/ReverificationTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ConsoleBrowserTests",
            dependencies: [
                "Service", "Storage", "Verification", "Identifiers", "RegistryMocks", "Population", "RegistryAdapters",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ConsoleBrowserTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ArchitectureTests",
            path: "Tests/ArchitectureTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "QorganCLITests",
            dependencies: ["qorgan", "Cleansing", "Population"],
            path: "Tests/QorganCLITests",
            swiftSettings: strictSettings
        ),
    ]
)
