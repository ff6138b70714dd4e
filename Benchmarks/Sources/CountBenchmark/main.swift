// CountBenchmark: how fast Syndicate counts texts for X, against a naive code-point loop.
//
//   CountBenchmark generate <file> [count]   writes `count` (100,000) mixed texts as JSON lines
//   CountBenchmark run <file>                 counts them; prints `key=value` lines
//   CountBenchmark check                      500 texts: the parser and the X rule agree (CI)
//
// Benchmarks/count.sh runs both in release mode, times Python's twitter-text-parser on the same
// file, and writes Benchmarks/REPORT-count.md.

import Foundation
import Syndicate

/// SplitMix64: a small deterministic generator, so every run and every machine counts the same texts.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}

/// Mixed post texts: English, CJK, emoji (with ZWJ sequences, skin tones, flags), URLs,
/// hashtags and mentions, from about 20 to about 300 characters.
enum TextGenerator {
    static let words = [
        "school", "news", "today", "the", "governors", "announced", "a", "new", "library", "for", "pupils",
        "read", "more", "about", "our", "trip", "results", "are", "in", "congratulations", "to", "everyone",
        "café", "naïve", "Straße", "déjà", "vu",
    ]
    static let cjk = ["学校", "新聞", "今日", "図書館", "生徒", "結果", "おめでとう", "소식", "학교", "新闻", "图书馆"]
    static let emoji = ["🎉", "📚", "👍🏽", "👨‍👩‍👧‍👧", "🇬🇧", "❤️", "🚀", "😀", "🏫", "✅", "1️⃣"]
    static let urls = [
        "https://example.com/news/2026/11/library", "http://school.example.org/a?b=c&d=e#f", "example.co.uk/trip",
        "https://t.co/abc123", "www.example.net/results.html",
    ]
    static let tags = ["#news", "#school", "@head_teacher", "$AAPL", "#図書館"]

    static func texts(count: Int, seed: UInt64 = 2026) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in text(&random) }
    }

    static func text(_ random: inout SplitMix64) -> String {
        let target = 20 + random.below(280)
        var pieces: [String] = []
        var length = 0
        while length < target {
            let piece: String
            switch random.below(20) {
            case 0..<11: piece = random.pick(words)
            case 11..<14: piece = random.pick(cjk)
            case 14..<17: piece = random.pick(emoji)
            case 17..<18: piece = random.pick(urls)
            default: piece = random.pick(tags)
            }
            pieces.append(piece)
            length += piece.count + 1
        }
        return pieces.joined(separator: " ")
    }
}

/// `text` as a JSON string literal (the texts hold no control characters).
func jsonLiteral(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// The best timing of each of `bodies`, in seconds, with the checksum each returned. Each body
/// runs `repeats` times in a row (so the best is a warm, steady-state run) and the bodies take
/// turns over `rounds` rounds (naive, parse, measure, naive, …), so that a change in the shared
/// machine's load affects all of them alike rather than whichever ran during it.
func timeInTurns(rounds: Int = 3, repeats: Int = 3, _ bodies: [() -> Int]) -> [(seconds: Double, checksum: Int)] {
    var results = Array(repeating: (seconds: Double.infinity, checksum: 0), count: bodies.count)
    for _ in 0..<rounds {
        for (index, body) in bodies.enumerated() {
            for _ in 0..<repeats {
                let start = ContinuousClock.now
                let checksum = body()
                let elapsed = ContinuousClock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                results[index] = (min(results[index].seconds, seconds), checksum)
            }
        }
    }
    return results
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("CountBenchmark: \(message)\n".utf8))
    exit(64)
}

let arguments = CommandLine.arguments
if arguments.count == 2, arguments[1] == "check" {
    let texts = TextGenerator.texts(count: 500)
    let disagreeing = texts.filter { TwitterText.parse($0).weightedLength != NetworkRule.x.measure($0).length }
    let naive = texts.reduce(0) { $0 + $1.unicodeScalars.count }
    let weighted = texts.reduce(0) { $0 + TwitterText.parse($1).weightedLength }
    let fine = disagreeing.isEmpty && naive > 0 && weighted > 0
    print("\(fine ? "ok" : "WRONG") CountBenchmark: \(texts.count) texts, \(disagreeing.count) where parse and measure disagree")
    exit(fine ? 0 : 1)
}
guard arguments.count >= 3 else {
    fail("usage: CountBenchmark generate <file> [count] | CountBenchmark run <file>")
}
let path = arguments[2]

switch arguments[1] {
case "generate":
    let count = arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000
    let lines = TextGenerator.texts(count: count).map(jsonLiteral).joined(separator: "\n") + "\n"
    do {
        try Data(lines.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
        fail("cannot write \(path): \(error.localizedDescription)")
    }
case "run":
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    let texts: [String]
    do {
        texts = try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(String.self, from: Data($0)) }
    } catch {
        fail("\(path) is not JSON lines of strings: \(error)")
    }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    let rule = NetworkRule.x
    let timings = timeInTurns([
        { texts.reduce(0) { $0 + $1.unicodeScalars.count } },
        { texts.reduce(0) { $0 + TwitterText.parse($1).weightedLength } },
        { texts.reduce(0) { $0 + rule.measure($1).length } },
    ])
    let (naive, parse, measure) = (timings[0], timings[1], timings[2])
    func report(_ name: String, _ result: (seconds: Double, checksum: Int)) {
        print("\(name).seconds=\(result.seconds)")
        print("\(name).texts_per_second=\(Double(texts.count) / result.seconds)")
        print("\(name).mb_per_second=\(Double(bytes) / 1e6 / result.seconds)")
        print("\(name).checksum=\(result.checksum)")
    }
    print("texts=\(texts.count)")
    print("bytes=\(bytes)")
    report("naive", naive)
    report("parse", parse)
    report("measure", measure)
default:
    fail("unknown mode '\(arguments[1])'; use generate or run")
}
