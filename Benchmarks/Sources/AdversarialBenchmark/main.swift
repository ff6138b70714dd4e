// AdversarialBenchmark: hostile inputs at the sizes issue 7 names (100,000 nested tags, a 10 MB
// single line, 1,000,000 `&amp;`), each also at a tenth of that size in the same run. The time
// ratio large/small is the check for quadratic paths: about 10 is linear, 100 would be quadratic.
//
//   AdversarialBenchmark            the full sizes, a Markdown table on standard output
//   AdversarialBenchmark --check    smaller sizes, outcomes checked, exit 1 on a wrong one (CI)
//
// Benchmarks/adversarial.sh runs it in release mode and writes Benchmarks/REPORT-adversarial.md.

import Foundation
import Syndicate
import SyndicateImport

/// What a case must produce: posts, or an import error of one kind.
enum Outcome: Equatable, CustomStringConvertible {
    case imports
    case fails(ImportError.Kind)

    var description: String {
        switch self {
        case .imports: "imports"
        case .fails(let kind): "ImportError.\(kind)"
        }
    }
}

/// One hostile input: how to build it at size `n`, which importer reads it, what it must give.
struct AdversarialCase {
    var name: String
    var format: ImportFormat
    var size: Int
    var unit: String
    var expected: Outcome
    var limits: ImportLimits = .default
    var build: (Int) -> String
}

let cases: [AdversarialCase] = [
    AdversarialCase(name: "HTML, nested <div>", format: .html, size: 100_000, unit: "levels", expected: .imports) {
        "<title>Deep</title><article>" + String(repeating: "<div>", count: $0) + "<p>Deep text.</p>"
            + String(repeating: "</div>", count: $0) + "</article>"
    },
    AdversarialCase(name: "RSS, nested elements", format: .rss, size: 100_000, unit: "levels", expected: .fails(.tooLarge)) {
        "<rss version=\"2.0\"><channel><item><title>T</title><description>" + String(repeating: "<b>", count: $0)
            + String(repeating: "</b>", count: $0) + "</description></item></channel></rss>"
    },
    AdversarialCase(name: "JSON Feed, nested arrays", format: .jsonfeed, size: 100_000, unit: "levels", expected: .fails(.malformed)) {
        #"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":"#
            + String(repeating: "[", count: $0) + String(repeating: "]", count: $0) + "}"
    },
    AdversarialCase(name: "Markdown, nested block quotes", format: .markdown, size: 100_000, unit: "levels", expected: .imports) {
        "---\ntitle: Deep\n---\n" + String(repeating: ">", count: $0) + " Deep text.\n"
    },
    AdversarialCase(name: "Markdown, nested list markers", format: .markdown, size: 100_000, unit: "levels", expected: .imports) {
        "---\ntitle: Lists\n---\n" + String(repeating: "- ", count: $0) + "item\n"
    },
    AdversarialCase(name: "Plain text, one line", format: .text, size: 10_000_000, unit: "bytes", expected: .imports) {
        "Title\n\n" + String(repeating: "word ", count: $0 / 5)
    },
    AdversarialCase(name: "HTML, one paragraph line", format: .html, size: 10_000_000, unit: "bytes", expected: .imports) {
        "<title>Long</title><article><p>" + String(repeating: "word ", count: $0 / 5) + "</p></article>"
    },
    AdversarialCase(name: "Markdown, one line", format: .markdown, size: 10_000_000, unit: "bytes", expected: .imports) {
        "---\ntitle: Long\n---\n" + String(repeating: "word ", count: $0 / 5) + "\n"
    },
    AdversarialCase(name: "JSON post, one paragraph", format: .json, size: 10_000_000, unit: "bytes", expected: .imports) {
        #"{"id":"1","title":"T","paragraphs":[""# + String(repeating: "word ", count: $0 / 5) + #""]}"#
    },
    AdversarialCase(name: "HTML, &amp; flood", format: .html, size: 1_000_000, unit: "entities", expected: .imports) {
        "<title>Amp</title><article><p>" + String(repeating: "&amp;", count: $0) + "</p></article>"
    },
    AdversarialCase(
        name: "RSS, &amp; flood (maxItemBytes 8 MiB)", format: .rss, size: 1_000_000, unit: "entities", expected: .imports,
        limits: ImportLimits(maxItemBytes: 8 << 20)
    ) {
        "<rss version=\"2.0\"><channel><item><title>T</title><description>" + String(repeating: "&amp;", count: $0)
            + "</description></item></channel></rss>"
    },
    AdversarialCase(name: "Markdown, &amp; flood", format: .markdown, size: 1_000_000, unit: "entities", expected: .imports) {
        "---\ntitle: Amp\n---\n" + String(repeating: "&amp;", count: $0) + "\n"
    },
]

/// Imports `data` as `format`; the outcome and the seconds it took.
func run(_ data: Data, _ format: ImportFormat, _ limits: ImportLimits) -> (Outcome, Double) {
    let context = ImportContext(inputName: "adversarial", limits: limits)
    let start = ContinuousClock.now
    let outcome: Outcome
    do {
        _ = try PostImport.posts(from: data, format: format, context: context)
        outcome = .imports
    } catch {
        outcome = .fails(error.kind)
    }
    let elapsed = ContinuousClock.now - start
    return (outcome, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

/// The best of `rounds` runs.
func best(_ data: Data, _ format: ImportFormat, _ limits: ImportLimits, rounds: Int) -> (Outcome, Double) {
    var result = run(data, format, limits)
    for _ in 1..<rounds {
        let next = run(data, format, limits)
        if next.1 < result.1 { result = next }
    }
    return result
}

let check = CommandLine.arguments.dropFirst().contains("--check")
var wrong = 0
if !check {
    print("| Input | Size | Outcome | Time at 1/10 size | Time at full size | Ratio (10 = linear) |")
    print("|---|---:|---|---:|---:|---:|")
}
for item in cases {
    // --check shrinks inputs 100-fold, but nesting only 10-fold so that both sizes still pass 512 levels.
    let scale = !check ? 1 : item.unit == "levels" ? 10 : 100
    let large = Data(item.build(item.size / scale).utf8)
    let small = Data(item.build(item.size / scale / 10).utf8)
    let (outcome, largeSeconds) = best(large, item.format, item.limits, rounds: check ? 1 : 3)
    let (smallOutcome, smallSeconds) = best(small, item.format, item.limits, rounds: check ? 1 : 3)
    if outcome != item.expected || smallOutcome != item.expected {
        wrong += 1
        print("WRONG \(item.name): expected \(item.expected), got \(smallOutcome) and \(outcome)")
        continue
    }
    if check {
        print("ok    \(item.name): \(outcome)")
    } else {
        let size = item.size.formatted(.number.grouping(.automatic))
        print(
            String(
                format: "| %@ | %@ %@ | %@ | %.2f ms | %.2f ms | %.1f |", item.name, size, item.unit, outcome.description,
                smallSeconds * 1e3, largeSeconds * 1e3, largeSeconds / max(smallSeconds, 1e-9)))
    }
}
exit(wrong == 0 ? 0 : 1)
