#if !SYNDICATE_LIBFUZZER
import ArgumentParser
import Foundation
import SyndicateFuzzTargets

/// `SyndicateFuzz`: runs Syndicate's fuzz targets with the seeded random-input driver, replays
/// saved inputs, and writes the generated parts of the corpus. Coverage-guided runs use the
/// same targets through libFuzzer: see `Fuzz/fuzz.sh`.
@main
struct FuzzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "SyndicateFuzz",
        abstract: "Fuzz Syndicate's importers, counters, composer and network clients.",
        subcommands: [List.self, Run.self, Smoke.self, Replay.self, Seed.self]
    )
}

/// Options naming where corpora live.
struct CorpusOptions: ParsableArguments {
    @Option(help: "The folder holding one corpus folder per target.")
    var corpusRoot: String = "Fuzz/Corpus"
    @Option(help: "A folder of seeds every target shares (the example posts).")
    var sharedSeeds: String = "Examples/Posts"

    func corpus(for target: FuzzTarget) -> [Data] {
        RandomInputDriver.corpus(at: URL(fileURLWithPath: corpusRoot).appendingPathComponent(target.name))
            + RandomInputDriver.corpus(at: URL(fileURLWithPath: sharedSeeds))
    }
}

/// Options of the seeded driver's runs: the seed, where findings go, and the corpora.
struct DriverOptions: ParsableArguments {
    @Option(help: "The mutation seed; the same seed replays the same inputs.")
    var seed: UInt64 = 1
    @Option(help: "Where to write an input that breaks an invariant.")
    var findings: String = ".build-fuzz/driver-findings"
    @OptionGroup var corpus: CorpusOptions

    /// A driver for `target` over its corpus, seeded with ``seed``.
    func driver(for target: FuzzTarget) -> RandomInputDriver {
        RandomInputDriver(target: target, corpus: corpus.corpus(for: target), seed: seed)
    }
}

extension FuzzCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the fuzz targets.")

        func run() {
            for target in FuzzTargets.all {
                print("\(target.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(target.summary)")
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one target on its corpus and seeded mutations of it.")

        @Argument(help: "The target (see `list`).")
        var target: String
        @Option(help: "Stop after this many seconds.")
        var seconds: Double = 60
        @Option(help: "Stop after this many inputs.")
        var executions: Int = .max
        @OptionGroup var options: DriverOptions

        func run() throws {
            let report = options.driver(for: try FuzzCommand.target(named: target))
                .run(executions: executions, seconds: seconds)
            try FuzzCommand.conclude([report], findingsFolder: options.findings)
        }
    }

    struct Smoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every target briefly (CI): corpus plus seeded mutations, a few seconds each.")

        @Option(help: "Seconds per target.")
        var seconds: Double = 3
        @OptionGroup var options: DriverOptions

        func run() throws {
            let reports = FuzzTargets.all.map { options.driver(for: $0).run(seconds: seconds) }
            try FuzzCommand.conclude(reports, findingsFolder: options.findings)
        }
    }

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one target on the given input files (a libFuzzer crash file, a regression).")

        @Argument(help: "The target (see `list`).")
        var target: String
        @Argument(help: "The input files.")
        var files: [String]

        func run() throws {
            let target = try FuzzCommand.target(named: target)
            var failed = false
            for file in files {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                do {
                    try target.run(data)
                    print("ok      \(file)")
                } catch {
                    failed = true
                    print("FINDING \(file): \(error)")
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the generated seeds (network responses, image headers, multipart bodies) and libFuzzer dictionaries.")

        @OptionGroup var corpus: CorpusOptions
        @Option(help: "Where to write one libFuzzer dictionary per target.")
        var dictionaries: String = "Fuzz/Dictionaries"

        func run() async throws {
            let responses = URL(fileURLWithPath: corpus.corpusRoot).appendingPathComponent("responses")
            try FileManager.default.createDirectory(at: responses, withIntermediateDirectories: true)
            for seed in await ResponseSeeds.make() {
                try seed.data.write(to: responses.appendingPathComponent(seed.name))
            }
            for (target, seeds) in [("images", ImageSeeds.images()), ("multipart", ImageSeeds.multipart())] {
                let folder = URL(fileURLWithPath: corpus.corpusRoot).appendingPathComponent(target)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for seed in seeds { try seed.data.write(to: folder.appendingPathComponent(seed.name)) }
            }
            let folder = URL(fileURLWithPath: dictionaries)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for target in FuzzTargets.all where !target.dictionary.isEmpty {
                let lines = target.dictionary.map { "\"\(LibFuzzerDictionary.escape($0))\"" }
                try (lines.joined(separator: "\n") + "\n").write(
                    to: folder.appendingPathComponent("\(target.name).dict"), atomically: true, encoding: .utf8)
            }
            print("wrote \(responses.path), its images and multipart neighbours, and \(folder.path)")
        }
    }

    static func target(named name: String) throws -> FuzzTarget {
        guard let target = FuzzTargets.named(name) else {
            throw ValidationError(
                "no fuzz target '\(name)'; the targets are \(FuzzTargets.all.map(\.name).joined(separator: ", ")).")
        }
        return target
    }

    /// Prints one line per report; saves each finding's input and exits 1 when there is one.
    static func conclude(_ reports: [RandomInputDriver.Report], findingsFolder: String) throws {
        var found = false
        for report in reports {
            let slowest = String(format: "%.3f", report.slowestSeconds)
            print("\(report.target): \(report.executions) executions, slowest input \(slowest) s, ", terminator: "")
            guard let (finding, input) = report.finding else {
                print("no findings")
                continue
            }
            found = true
            let folder = URL(fileURLWithPath: findingsFolder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("\(report.target)-\(input.hashValue & 0xFFFF_FFFF)")
            try input.write(to: file)
            print("FINDING: \(finding.message) (input saved to \(file.path))")
        }
        if found { throw ExitCode(1) }
    }
}
#endif
