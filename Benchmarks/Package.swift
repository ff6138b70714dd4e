// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that `swift test` at the root never builds them.
// Run them in release mode through Benchmarks/run.sh, which writes Benchmarks/REPORT.md.
let package = Package(
    name: "SyndicateBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Syndicate", path: "..", traits: ["AsyncHTTPClientTransport"]),
    ],
    targets: [
        .executableTarget(
            name: "FeedImportBenchmark",
            dependencies: [.product(name: "Syndicate", package: "Syndicate")]
        ),
        .executableTarget(
            name: "CountBenchmark",
            dependencies: [.product(name: "Syndicate", package: "Syndicate")]
        ),
        .executableTarget(
            name: "ComposeBenchmark",
            dependencies: [.product(name: "Syndicate", package: "Syndicate")]
        ),
        .executableTarget(
            name: "DeliveryBenchmark",
            dependencies: [
                .product(name: "Syndicate", package: "Syndicate"),
                .product(name: "SyndicateLoopback", package: "Syndicate"),
                .product(name: "SyndicateAsyncHTTPClient", package: "Syndicate"),
            ]
        ),
    ]
)
