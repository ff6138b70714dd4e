// swift-tools-version: 6.1
import PackageDescription

/// Settings every Syndicate target shares: Swift 6 language mode (the tools default) plus
/// upcoming features that keep the public surface explicit.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
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
        /// The `syndicate` command-line tool.
        .executable(name: "syndicate", targets: ["SyndicateCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
        .executableTarget(
            name: "SyndicateCLI",
            dependencies: [
                "Syndicate",
                "SyndicateImport",
                "SyndicateLedger",
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
            name: "SyndicateCLITests",
            dependencies: ["SyndicateCLI", "SyndicateTestSupport"],
            exclude: ["__Goldens__"],
            swiftSettings: strictSettings
        ),
    ]
)
