import Foundation
import Syndicate

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Streams one feed through `FeedReader`, one post at a time, and prints one JSON line:
// items, bytes, seconds, items/s, MB/s and the process's peak resident set size.
// Usage: FeedImportBenchmark <feed.rss>. Run each feed in its own process (Benchmarks/feeds.sh)
// so that the peak RSS belongs to that feed alone.

/// The process's peak resident set size in KiB (ru_maxrss is KiB on Linux, bytes on macOS).
func peakResidentKiB() -> Int {
    var usage = rusage()
    #if canImport(Darwin)
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return -1 }
    return Int(usage.ru_maxrss) / 1024
    #else
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return -1 }
    return Int(usage.ru_maxrss)
    #endif
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: FeedImportBenchmark <feed.rss>\n".utf8))
    exit(64)
}
let url = URL(fileURLWithPath: arguments[1])
let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
let context = ImportContext(inputName: url.lastPathComponent)

let clock = ContinuousClock()
var items = 0
var paragraphs = 0
var tags = 0
let elapsed: Duration
do {
    let start = clock.now
    let reader = try FeedReader(contentsOf: url, context: context)
    while let post = try reader.nextPost() {
        items += 1
        paragraphs += post.paragraphs.count
        tags += post.tags.count
    }
    elapsed = clock.now - start
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(65)
}

let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let result: [String: Any] = [
    "file": url.lastPathComponent,
    "items": items,
    "paragraphs": paragraphs,
    "tags": tags,
    "bytes": bytes,
    "seconds": seconds,
    "items_per_s": Double(items) / seconds,
    "mb_per_s": Double(bytes) / 1_000_000 / seconds,
    "peak_rss_kib": peakResidentKiB(),
]
if let json = try? JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]) {
    print(String(decoding: json, as: UTF8.self))
}
