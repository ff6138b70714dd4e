import Foundation
import Syndicate
@testable import SyndicateFuzzTargets
import Testing

/// The fuzz targets over their checked-in inputs: the seed corpus (`Fuzz/Corpus/<target>`) and
/// every input a fuzz run ever broke (`Fuzz/Regressions/<target>`), plus a short seeded run.
@Suite("Fuzz corpus and regressions")
struct FuzzCorpusTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fuzzFolder = repository.appendingPathComponent("Fuzz")
    /// The example posts, which every target also starts from (as `Fuzz/fuzz.sh` and the driver do).
    static let sharedSeeds = RandomInputDriver.corpus(at: repository.appendingPathComponent("Examples/Posts"))

    static func inputs(_ kind: String, for target: FuzzTarget) -> [(name: String, data: Data)] {
        let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.name)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, $0) }
        }
    }

    /// Runs `body` on a thread of its own. Targets are synchronous and the `responses` target
    /// blocks its thread until the client's async work is done (libFuzzer calls it that way);
    /// blocking the test's cooperative-pool thread instead could starve that very work.
    static func offThePool<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    /// The first broken invariant over `inputs`, with the input's name.
    static func firstFinding(_ target: FuzzTarget, _ inputs: [(name: String, data: Data)]) async -> String? {
        await offThePool {
            for input in inputs {
                do { try target.run(input.data) } catch { return "\(input.name): \(error)" }
            }
            return nil
        }
    }

    @Test("every target has a seed corpus and passes it", arguments: FuzzTargets.all.map(\.name))
    func corpus(target name: String) async throws {
        let target = try #require(FuzzTargets.named(name))
        let corpus = Self.inputs("Corpus", for: target)
        #expect(corpus.count >= 2, "Fuzz/Corpus/\(name) needs seed inputs")
        let finding = await Self.firstFinding(target, corpus)
        #expect(finding == nil, "Fuzz/Corpus/\(name)/\(finding ?? "")")
    }

    /// The targets that have regression inputs; a target without any gets no (vacuous) case.
    static let targetsWithRegressions = FuzzTargets.all.filter { !inputs("Regressions", for: $0).isEmpty }.map(\.name)

    @Test("the regression folder is read: the fixed findings are there")
    func regressionsExist() {
        #expect(Set(Self.targetsWithRegressions).isSuperset(of: ["counting", "markdown", "responses"]))
    }

    @Test("every input a fuzz run broke stays fixed", arguments: targetsWithRegressions)
    func regressions(target name: String) async throws {
        let target = try #require(FuzzTargets.named(name))
        let finding = await Self.firstFinding(target, Self.inputs("Regressions", for: target))
        #expect(finding == nil, "Fuzz/Regressions/\(name)/\(finding ?? "")")
    }

    @Test("a short seeded run finds nothing", arguments: FuzzTargets.all.map(\.name))
    func seededRun(target name: String) async throws {
        let target = try #require(FuzzTargets.named(name))
        let corpus = Self.inputs("Corpus", for: target).map(\.data) + Self.sharedSeeds
        let driver = RandomInputDriver(target: target, corpus: corpus, seed: 7)
        let report = await Self.offThePool { driver.run(executions: 160) }
        #expect(report.executions == 160)
        if let (finding, input) = report.finding {
            Issue.record("\(finding) on input \(input.base64EncodedString())")
        }
    }

    @Test("the response seeds are real successes: every network delivers on its -ok seed")
    func responseSeedsSucceed() async throws {
        let target = try #require(FuzzTargets.named("responses"))
        let seeds = Self.inputs("Corpus", for: target).filter { $0.name.hasSuffix("-ok") }
        #expect(seeds.count == SocialNetwork.allCases.count * 2)
        for seed in seeds {
            let (settings, outcome) = try await Self.offThePool { Result { () throws(FuzzFinding) in try ResponseFuzzTarget.deliver(seed.data) } }.get()
            guard case .success(let delivery) = outcome else {
                Issue.record("\(seed.name): \(outcome)")
                continue
            }
            #expect(delivery.network == settings.network, "\(seed.name)")
            #expect(!delivery.remoteID.isEmpty, "\(seed.name)")
        }
    }

    @Test("a 503 seed is a DeliveryError naming the network, its status and a fix")
    func responseFailuresAreTyped() async throws {
        let data = ResponseScript.encode(
            network: .mastodon, threaded: false,
            responses: [HTTPResponse(status: 503, body: Data("<h1>down</h1>".utf8))])
        let (_, outcome) = try await Self.offThePool { Result { () throws(FuzzFinding) in try ResponseFuzzTarget.deliver(data) } }.get()
        guard case .failure(let error) = outcome else {
            Issue.record("a 503 was delivered: \(outcome)")
            return
        }
        #expect(error.network == .mastodon)
        #expect(error.status == 503)
        #expect(!error.fix.isEmpty)
    }
}
