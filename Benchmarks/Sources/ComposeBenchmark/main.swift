import Foundation
import Syndicate

// Composes payloads for every network for 10,000 generated posts and reports posts/s, next to
// the cost of counting alone (one NetworkRule.measure per network per post) in the same run.
// Writes the posts as JSON lines (text + permalink) for brevity-bench.py, so that brevity
// shortens exactly the same posts. Usage: ComposeBenchmark [count] [posts.jsonl]
// `ComposeBenchmark --check` composes 200 posts and checks that every payload fits (CI).

let check = CommandLine.arguments.contains("--check")
let arguments = CommandLine.arguments.filter { $0 != "--check" }
let count = check ? 200 : arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let jsonlPath = arguments.count > 2 ? arguments[2] : nil

/// SplitMix64: the same posts on every run.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

let nouns = ["school", "leaders", "Ofsted", "inspection", "pupils", "teachers", "council", "programme", "results",
             "parents", "governors", "curriculum", "budget", "Birmingham", "ASCL", "secondment", "trust", "academy"]
let verbs = ["announced", "welcomed", "criticised", "published", "reviewed", "expanded", "opened", "delayed"]
let fillers = ["the", "a", "new", "local", "national", "annual", "this year", "on Saturday", "in March", "for 2026"]
let tagPool = ["Ofsted", "Leadership", "Early Years", "Primary", "Secondary", "Teaching", "SEND", "Uncategorized",
               "1st POST", "Funding", "Science & Tech", "Wellbeing"]

func sentence(_ random: inout Random) -> String {
    var words: [String] = []
    for _ in 0..<random.int(6...28) {
        switch random.int(0...3) {
        case 0: words.append(random.pick(verbs))
        case 1: words.append(random.pick(fillers))
        default: words.append(random.pick(nouns))
        }
    }
    if random.int(0...6) == 0 { words.insert("“We are determined to improve,” she said,", at: 0) }
    if random.int(0...12) == 0 { words.append("https://example.org/report/\(random.int(1...999))") }
    var text = words.joined(separator: " ")
    text = text.prefix(1).uppercased() + text.dropFirst()
    return text + random.pick([".", ".", ".", "!", "?"])
}

var random = Random(state: 0xC0FFEE)
var posts: [Post] = []
posts.reserveCapacity(count)
for number in 0..<count {
    let paragraphs = (0..<random.int(2...8)).map { _ in
        (0..<random.int(1...4)).map { _ in sentence(&random) }.joined(separator: " ")
    }
    posts.append(Post(
        id: "bench-\(number)",
        title: sentence(&random).dropLast().description,
        url: URL(string: "https://school.example/news/\(number)/story-\(random.int(1...99999))/"),
        summary: random.int(0...1) == 0 ? sentence(&random) : nil,
        paragraphs: paragraphs,
        tags: (0..<random.int(0...6)).map { _ in random.pick(tagPool) },
        images: random.int(0...2) == 0
            ? [] : [URL(string: "https://school.example/img/\(number).jpg")].compactMap { $0.map { Post.Image(url: $0, alt: "Photo") } },
        source: random.int(0...3) == 0 ? Post.Source(name: "The Telegraph") : nil))
}

if let jsonlPath {
    var lines = ""
    for post in posts {
        let object: [String: String] = ["text": post.text, "url": post.url?.absoluteString ?? ""]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        lines += String(decoding: data, as: UTF8.self) + "\n"
    }
    try lines.write(toFile: jsonlPath, atomically: true, encoding: .utf8)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func row(_ name: String, _ time: Double) -> String {
    let perPost = time / Double(count) * 1e6
    return "\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%10.0f", Double(count) / time)) posts/s  \(String(format: "%9.2f", perPost)) µs/post"
}

let composer = Composer()
let networks = SocialNetwork.allCases
let rules = networks.map { NetworkRule.rule(for: $0) }

// Warm up, and keep the texts for the counting-alone pass.
var texts: [[String]] = []
texts.reserveCapacity(count)
for post in posts.prefix(200) { _ = try composer.payloads(for: post) }

var composed = 0
var checksum = 0
let composeTime = try seconds {
    for post in posts {
        let payloads = try composer.payloads(for: post)
        composed += payloads.count
        checksum &+= payloads.reduce(0) { $0 &+ $1.length }
        texts.append(payloads.map { $0.commentary ?? $0.text })
    }
}

if check {
    var wrong = 0
    for postTexts in texts {
        for (index, text) in postTexts.enumerated() where rules[index].measure(text).length > rules[index].limit {
            wrong += 1
            print("WRONG \(networks[index]): \(rules[index].measure(text).length) over \(rules[index].limit): \(text)")
        }
    }
    print("\(wrong == 0 ? "ok" : "WRONG") ComposeBenchmark: \(composed) payloads for \(count) posts, \(wrong) over their limit")
    exit(wrong == 0 && composed == count * networks.count ? 0 : 1)
}

// COMPOSE_ONLY=1: stop after composing all networks (for callgrind instruction counts).
if ProcessInfo.processInfo.environment["COMPOSE_ONLY"] != nil {
    print("posts: \(count), payloads: \(composed) (checksum \(checksum & 0xFFFF))")
    print(row("compose all \(networks.count) networks", composeTime))
    exit(0)
}

let composeXTime = try seconds {
    for post in posts { checksum &+= try composer.payload(for: post, on: .x).length }
}

var counted = 0
let countTime = seconds {
    for postTexts in texts {
        for (index, text) in postTexts.enumerated() {
            counted &+= rules[index].measure(text).length
        }
    }
}

// Counting the raw body (what a naive shortener would measure) for X alone.
let countBodyTime = seconds {
    for post in posts { counted &+= NetworkRule.x.measure(post.text).length }
}

// Where the time goes: composing and counting, per network.
var perNetwork: [(SocialNetwork, Double, Double)] = []
for (index, network) in networks.enumerated() {
    let composeSeconds = try seconds {
        for post in posts { checksum &+= try composer.payload(for: post, on: network).length }
    }
    let countSeconds = seconds {
        for postTexts in texts { counted &+= rules[index].measure(postTexts[index]).length }
    }
    perNetwork.append((network, composeSeconds, countSeconds))
}


print("posts: \(count), networks: \(networks.count), payloads: \(composed) (checksum \(checksum & 0xFFFF), \(counted & 0xFFFF))")
print(row("compose all \(networks.count) networks", composeTime))
print(row("compose X only", composeXTime))
print(row("count the \(networks.count) composed texts (measure only)", countTime))
print(row("count the body for X (measure only)", countBodyTime))
print(String(format: "compose-all / count-only ratio: %.1f×", composeTime / countTime))
print("per network (compose one payload | count its text once):")
for (network, composeSeconds, countSeconds) in perNetwork {
    print(String(
        format: "  %-9@ %9.2f µs | %8.2f µs  (%4.1f counts' worth)", network.rawValue as NSString,
        composeSeconds / Double(count) * 1e6, countSeconds / Double(count) * 1e6, composeSeconds / countSeconds))
}
print(String(format: "SWIFT_COMPOSE_ALL_US=%.3f", composeTime / Double(count) * 1e6))
print(String(format: "SWIFT_COMPOSE_X_US=%.3f", composeXTime / Double(count) * 1e6))
