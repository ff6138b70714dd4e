// swift-tools-version: 6.2
import PackageDescription

/// Settings every Syndicate target shares: Swift 6 language mode (the tools default), upcoming
/// features that keep the public surface explicit, and warnings as errors. (SwiftPM applies
/// warning settings to this package's own targets only, never when Syndicate is a dependency.)
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .treatAllWarnings(as: .error),
]

/// The benchmarks (Benchmarks/): release-mode executables that the scripts beside them run, and
/// that CI runs in their `--check` correctness mode. Not products.
let benchmarkTargets: [Target] = [
    .executableTarget(
        name: "FeedImportBenchmark",
        dependencies: ["Syndicate"],
        path: "Benchmarks/Sources/FeedImportBenchmark",
        swiftSettings: strictSettings
    ),
    .executableTarget(
        name: "CountBenchmark",
        dependencies: ["Syndicate"],
        path: "Benchmarks/Sources/CountBenchmark",
        swiftSettings: strictSettings
    ),
    .executableTarget(
        name: "ComposeBenchmark",
        dependencies: ["Syndicate"],
        path: "Benchmarks/Sources/ComposeBenchmark",
        swiftSettings: strictSettings
    ),
    .executableTarget(
        name: "DeliveryBenchmark",
        dependencies: ["Syndicate", "SyndicateLoopback", "SyndicateURLSession", "SyndicateCurl", "SyndicateAsyncHTTPClient"],
        path: "Benchmarks/Sources/DeliveryBenchmark",
        swiftSettings: strictSettings
    ),
    .executableTarget(
        name: "AdversarialBenchmark",
        dependencies: ["Syndicate", "SyndicateImport"],
        path: "Benchmarks/Sources/AdversarialBenchmark",
        swiftSettings: strictSettings
    ),
]

let package = Package(
    name: "Syndicate",
    platforms: [.macOS(.v13)],
    products: [
        /// The core: the `Post` model, importers that need only Foundation, text rules.
        .library(name: "Syndicate", targets: ["Syndicate"]),
        /// Importers that need a third-party parser (Markdown with YAML front matter).
        .library(name: "SyndicateImport", targets: ["SyndicateImport"]),
        /// The embedded SQLite ``DeliveryLedger`` (GRDB): what was posted where, across runs and processes.
        .library(name: "SyndicateLedger", targets: ["SyndicateLedger"]),
        /// A loopback HTTP server that plays each network's API, errors and faults included, for
        /// testing code that posts through Syndicate without touching a real network.
        .library(name: "SyndicateLoopback", targets: ["SyndicateLoopback"]),
        /// ``URLSessionTransport``: an `HTTPTransport` over Foundation's URLSession (on Linux,
        /// FoundationNetworking and the libcurl it links).
        .library(name: "SyndicateURLSession", targets: ["SyndicateURLSession"]),
        /// ``CurlTransport``: an `HTTPTransport` straight over libcurl, loaded on first use.
        .library(name: "SyndicateCurl", targets: ["SyndicateCurl"]),
        /// ``AsyncHTTPClientTransport``: an `HTTPTransport` over swift-server/async-http-client.
        /// Empty unless the package trait `AsyncHTTPClientTransport` is enabled.
        .library(name: "SyndicateAsyncHTTPClient", targets: ["SyndicateAsyncHTTPClient"]),
        /// ``VipsImageResizer``: scales and re-encodes images that are over a network's limits with
        /// libvips, loaded on first use (nothing to install to build; `libvips42` to fit images).
        .library(name: "SyndicateImages", targets: ["SyndicateImages"]),
        // The HTML preview of every network's post (no dependency beyond the core).
        .library(name: "SyndicatePreview", targets: ["SyndicatePreview"]),
        /// The `syndicate` command-line tool.
        .executable(name: "syndicate", targets: ["SyndicateCLI"]),
    ],
    traits: [
        .trait(
            name: "AsyncHTTPClientTransport",
            description: "Builds AsyncHTTPClientTransport in SyndicateAsyncHTTPClient (adds AsyncHTTPClient, SwiftNIO SSL; needs zlib1g-dev on Linux)."
        )
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // The DocC plugin (`swift package generate-documentation`): a command plugin only, no
        // target depends on it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "Syndicate",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SyndicateURLSession",
            dependencies: ["Syndicate"],
            swiftSettings: strictSettings
        ),
        // libcurl's headers at build time, `dlopen` at run time: see CSyndicateCurl.h.
        .target(
            name: "CSyndicateCurl",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        .target(
            name: "SyndicateCurl",
            dependencies: ["Syndicate", "CSyndicateCurl"],
            swiftSettings: strictSettings
        ),
        // libvips at run time through dlopen, no libvips headers at build time: see CSyndicateVips.h.
        .target(
            name: "CSyndicateVips",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        .target(
            name: "SyndicateImages",
            dependencies: ["Syndicate", "CSyndicateVips"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SyndicatePreview",
            dependencies: ["Syndicate"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SyndicateImport",
            dependencies: [
                "Syndicate",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Ink", package: "Ink"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SyndicateLedger",
            dependencies: [
                "Syndicate",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SyndicateLoopback",
            dependencies: [
                "Syndicate",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SyndicateAsyncHTTPClient",
            dependencies: [
                "Syndicate",
                .product(
                    name: "AsyncHTTPClient", package: "async-http-client",
                    condition: .when(traits: ["AsyncHTTPClientTransport"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClientTransport"])),
                .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["AsyncHTTPClientTransport"])),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "SyndicateCLI",
            dependencies: [
                "Syndicate",
                "SyndicateImport",
                "SyndicateLedger",
                "SyndicateCurl",
                "SyndicateImages",
                "SyndicatePreview",
                // On Linux URLSession means FoundationNetworking, whose libcurl and its thirty
                // libraries the loader would map at every start; the CLI sends through
                // SyndicateCurl there, which loads libcurl only when a request goes out.
                .target(name: "SyndicateURLSession", condition: .when(platforms: [.macOS])),
                "SyndicateAsyncHTTPClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ImportExample",
            dependencies: ["Syndicate", "SyndicateImport"],
            path: "Examples/ImportExample",
            swiftSettings: strictSettings
        ),
        // Fuzzing (Fuzz/): the targets, their drivers, and libFuzzer's entry point for the
        // coverage-guided build that Fuzz/fuzz.sh makes. None of it is a product.
        .target(
            name: "SyndicateFuzzTargets",
            dependencies: ["Syndicate", "SyndicateImport", "SyndicateTestSupport"],
            swiftSettings: strictSettings
        ),
        .target(name: "CLibFuzzerDriver"),
        .executableTarget(
            name: "SyndicateFuzz",
            dependencies: [
                "SyndicateFuzzTargets",
                "CLibFuzzerDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // The corpus runner (Tools/): how the importers read ../shared/corpora, as a library the
        // floor tests share and an executable anyone can run. Not products.
        .target(
            name: "SyndicateCorpus",
            dependencies: ["Syndicate", "SyndicateImport"],
            path: "Tools/SyndicateCorpus",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "CorpusReport",
            dependencies: ["SyndicateCorpus"],
            path: "Tools/CorpusReport",
            swiftSettings: strictSettings
        ),
        .target(
            name: "SyndicateTestSupport",
            dependencies: ["Syndicate"],
            path: "Tests/SyndicateTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyndicateTests",
            dependencies: ["Syndicate", "SyndicateTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["__Goldens__"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyndicateLoopbackTests",
            dependencies: [
                "Syndicate", "SyndicateLoopback", "SyndicateURLSession", "SyndicateCurl", "SyndicateAsyncHTTPClient",
                "SyndicateTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyndicateImagesTests",
            dependencies: ["SyndicateImages", "CSyndicateVips", "Syndicate", "SyndicateTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyndicatePreviewTests",
            dependencies: ["SyndicatePreview", "Syndicate", "SyndicateTestSupport"],
            exclude: ["__Goldens__"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyndicateImportTests",
            dependencies: ["SyndicateImport", "Syndicate", "SyndicateTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyndicateLedgerTests",
            dependencies: ["SyndicateLedger", "Syndicate", "SyndicateTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyndicateCorpusTests",
            dependencies: ["SyndicateCorpus", "Syndicate", "SyndicateImport", "SyndicateTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyndicateFuzzTests",
            dependencies: ["SyndicateFuzzTargets", "Syndicate", "SyndicateTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyndicateCLITests",
            dependencies: ["SyndicateCLI", "SyndicateTestSupport", "Syndicate", "SyndicateLoopback"],
            exclude: ["__Goldens__"],
            swiftSettings: strictSettings
        ),
    ] + benchmarkTargets
)
