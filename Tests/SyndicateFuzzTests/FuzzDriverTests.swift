import Foundation
import Syndicate
@testable import SyndicateFuzzTargets
import Testing

/// The machinery around the targets: mutations, the driver, the response script format.
@Suite("Fuzz driver")
struct FuzzDriverTests {
    @Test("equal seeds give equal mutations; different seeds differ")
    func mutatorIsSeeded() {
        let input = Array("<p>Hello &amp; welcome</p>".utf8)
        var first = FuzzMutator(seed: 42, dictionary: ["<div>"])
        var second = FuzzMutator(seed: 42, dictionary: ["<div>"])
        var third = FuzzMutator(seed: 43, dictionary: ["<div>"])
        let a = (0..<50).map { _ in first.mutate(input, splicingWith: input) }
        let b = (0..<50).map { _ in second.mutate(input, splicingWith: input) }
        let c = (0..<50).map { _ in third.mutate(input, splicingWith: input) }
        #expect(a == b)
        #expect(a != c)
        #expect(Set(a).count > 25, "mutations should vary")
    }

    @Test("mutations never exceed the size cap")
    func mutatorCapsSize() {
        var mutator = FuzzMutator(seed: 1, dictionary: [String(repeating: "x", count: 300)], maxSize: 256)
        var input = [UInt8](repeating: 0x41, count: 200)
        for _ in 0..<500 {
            input = mutator.mutate(input, splicingWith: input)
            #expect(input.count <= 256)
            if input.isEmpty { input = [0x41] }
        }
    }

    @Test("the driver runs the corpus first, then stops at the first finding and returns its input")
    func driverStopsAtFinding() {
        let target = FuzzTarget(name: "probe", summary: "fails on a byte 0x7E") { data throws(FuzzFinding) in
            if data.contains(0x7E) { throw FuzzFinding(target: "probe", message: "found ~") }
        }
        let report = RandomInputDriver(target: target, corpus: [Data("ab".utf8), Data("a~b".utf8)], seed: 1)
            .run(executions: 1_000)
        #expect(report.executions == 2)
        #expect(report.finding?.input == Data("a~b".utf8))
        #expect(report.finding?.finding.message == "found ~")
    }

    @Test("the driver honours an execution budget when nothing is found")
    func driverHonoursBudget() {
        let target = FuzzTarget(name: "quiet", summary: "never fails") { _ throws(FuzzFinding) in }
        let report = RandomInputDriver(target: target, corpus: [Data("x".utf8)], seed: 1).run(executions: 300)
        #expect(report.executions == 300)
        #expect(report.finding == nil)
    }

    @Test("a response script reads back what it encodes: network, thread flag, statuses, headers, bodies")
    func responseScriptRoundTrip() {
        let responses = [
            HTTPResponse(status: 429, headers: ["retry-after": "2"], body: Data(#"{"error":"slow down"}"#.utf8)),
            HTTPResponse(status: 201, headers: ["content-type": "application/json", "x-a": "b"], body: Data("{}".utf8)),
            HTTPResponse(status: 418, body: Data()),
        ]
        let script = ResponseScript(ResponseScript.encode(network: .bluesky, threaded: true, responses: responses))
        #expect(script.network == .bluesky)
        #expect(script.threaded)
        #expect(script.responses.map(\.status) == [429, 201, 416])  // 418 is not a listed status: 4-step grid
        #expect(script.responses[0].headers["retry-after"] == "2")
        #expect(script.responses[1].headers["x-a"] == "b")
        #expect(script.responses.map(\.body) == responses.map(\.body))
    }

    @Test("the post decoder fills fields in order and reads the flag byte")
    func postDecoder() {
        let data = Data([3] + Array("Title\u{0}Sum\u{0}One\nTwo\u{0}A,B,a\u{0}https://s.example/p\u{0}BBC".utf8))
        let (post, flags) = FuzzPostDecoder.post(from: data)
        #expect(flags == 3)
        #expect(post.title == "Title")
        #expect(post.summary == "Sum")
        #expect(post.paragraphs == ["One", "Two"])
        #expect(post.tags == ["A", "B"])
        #expect(post.url == URL(string: "https://s.example/p"))
        #expect(post.source?.name == "BBC")
    }
}
