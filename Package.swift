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
        .library(name: "Identifiers", targets: ["Identifiers"]),
        .library(name: "XMLSupport", targets: ["XMLSupport"]),
        .library(name: "SOAP", targets: ["SOAP"]),
        .library(name: "Population", targets: ["Population"]),
        .library(name: "Normalization", targets: ["Normalization"]),
        .library(name: "Matching", targets: ["Matching"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
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

        // MARK: - Adapters (adapters/)
        .systemLibrary(
            name: "CLibXML2",
            path: "adapters/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "XMLSupport",
            dependencies: ["CLibXML2"],
            path: "adapters/XMLSupport",
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SOAP",
            dependencies: [
                "XMLSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            path: "adapters/SOAP",
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

        // MARK: - Executables
        .executableTarget(
            name: "qorgan",
            dependencies: [
                "Identifiers",
                "Population",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/qorgan",
            swiftSettings: strictSettings
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
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/qorgan-bench",
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
            dependencies: ["XMLSupport"],
            path: "Tests/XMLSupportTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SOAPTests",
            dependencies: [
                "SOAP",
                "XMLSupport",
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
            name: "ArchitectureTests",
            path: "Tests/ArchitectureTests",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "QorganCLITests",
            dependencies: ["qorgan"],
            path: "Tests/QorganCLITests",
            swiftSettings: strictSettings
        ),
    ]
)
