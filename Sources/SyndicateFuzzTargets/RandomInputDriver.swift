import Foundation

/// Runs a ``FuzzTarget`` on its corpus and then on seeded mutations of it, for a number of
/// executions or a time budget: the fuzzing that works everywhere (CI smoke runs, macOS without
/// libFuzzer, the test suite), beside libFuzzer's coverage-guided runs.
public struct RandomInputDriver: Sendable {
    /// What a run did.
    public struct Report: Sendable {
        /// The target's name.
        public var target: String
        /// Inputs run, corpus included.
        public var executions: Int
        /// The slowest single input, in seconds.
        public var slowestSeconds: Double
        /// The first broken invariant, with the input that broke it.
        public var finding: (finding: FuzzFinding, input: Data)?
    }

    /// The target to run.
    public var target: FuzzTarget
    /// The inputs mutations start from; an empty corpus starts from one empty input.
    public var corpus: [Data]
    /// The mutation seed.
    public var seed: UInt64

    /// Creates a driver.
    public init(target: FuzzTarget, corpus: [Data], seed: UInt64) {
        self.target = target
        self.corpus = corpus.isEmpty ? [Data()] : corpus
        self.seed = seed
    }

    /// Runs the corpus, then mutations until `executions` inputs have run or `seconds` have
    /// passed, whichever comes first; stops at the first finding.
    public func run(executions limit: Int = .max, seconds: Double = .infinity) -> Report {
        var report = Report(target: target.name, executions: 0, slowestSeconds: 0)
        let clock = ContinuousClock()
        let start = clock.now
        var mutator = FuzzMutator(seed: seed, dictionary: target.dictionary)
        let seeds = corpus.map { [UInt8]($0) }
        var index = 0
        while report.executions < limit {
            let input: Data
            if index < seeds.count {
                input = corpus[index]
            } else {
                let base = seeds[mutator.below(seeds.count)]
                let other = seeds[mutator.below(seeds.count)]
                input = Data(mutator.mutate(base, splicingWith: other))
            }
            index += 1
            let began = clock.now
            do {
                try target.run(input)
            } catch {
                report.finding = (error, input)
            }
            let took = clock.now - began
            report.slowestSeconds = max(report.slowestSeconds, Self.seconds(took))
            report.executions += 1
            if report.finding != nil { break }
            if index >= seeds.count, Self.seconds(clock.now - start) >= seconds { break }
        }
        return report
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The files of a corpus folder, sorted by name; none when the folder is missing.
    public static func corpus(at folder: URL) -> [Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.compactMap {
            try? Data(contentsOf: folder.appendingPathComponent($0))
        }
    }
}
