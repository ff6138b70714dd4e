import Foundation
import Syndicate

#if canImport(FoundationXML)
import FoundationXML
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Streams one feed and prints one JSON line: items, bytes, seconds, items/s, MB/s and the
// process's peak resident set size. Run each feed in its own process (Benchmarks/feeds.sh) so
// that the peak RSS belongs to that feed alone.
//
// Usage: FeedImportBenchmark [--breakdown | --foundation-xml] <feed.rss>
//   (default)         FeedReader, one post at a time: the figure the report compares.
//   --breakdown       the same, also timing HTMLText.paragraphs(fromHTML:) again on each body,
//                     to show how much of the time is the HTML-to-text step.
//   --foundation-xml  FoundationXML's XMLParser(stream:) with a delegate that only collects
//                     text per element and counts items: the alternative XML engine, no mapping.

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

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// A delegate doing the least a feed reader must: collect each element's text, count items.
final class CountingDelegate: NSObject, XMLParserDelegate {
    var items = 0
    var text = ""
    var fields = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "item" { items += 1 }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if !text.isEmpty { fields += 1 }
    }
}

var arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first?.hasPrefix("--") == true ? arguments.removeFirst() : "--stream"
guard arguments.count == 1, ["--stream", "--breakdown", "--foundation-xml", "--check"].contains(mode) else {
    FileHandle.standardError.write(
        Data("usage: FeedImportBenchmark [--breakdown | --foundation-xml | --check] <feed.rss>\n".utf8))
    exit(64)
}
let url = URL(fileURLWithPath: arguments[0])
let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
let context = ImportContext(inputName: url.lastPathComponent)
let clock = ContinuousClock()

// --check (CI): FeedReader and FoundationXML count the same items, and every post has a title.
if mode == "--check" {
    guard let stream = InputStream(url: url), let reader = try? FeedReader(contentsOf: url, context: context) else { exit(66) }
    let delegate = CountingDelegate()
    let parser = XMLParser(stream: stream)
    parser.shouldProcessNamespaces = true
    parser.delegate = delegate
    var posts: [Post] = []
    while let next = reader.next() {
        guard case .success(let post) = next else { break }
        posts.append(post)
    }
    let fine = parser.parse() && !posts.isEmpty && posts.count == delegate.items && posts.allSatisfy { !$0.title.isEmpty }
    print("\(fine ? "ok" : "WRONG") FeedImportBenchmark: \(posts.count) posts read, \(delegate.items) items in FoundationXML")
    exit(fine ? 0 : 1)
}

var items = 0
var paragraphs = 0
var elapsed = Duration.zero
var htmlText = Duration.zero

if mode == "--foundation-xml" {
    guard let stream = InputStream(url: url) else { exit(66) }
    let delegate = CountingDelegate()
    let start = clock.now
    let parser = XMLParser(stream: stream)
    parser.shouldProcessNamespaces = true
    parser.delegate = delegate
    guard parser.parse() else {
        FileHandle.standardError.write(Data("XMLParser failed: \(String(describing: parser.parserError))\n".utf8))
        exit(65)
    }
    elapsed = clock.now - start
    items = delegate.items
    paragraphs = delegate.fields
} else {
    do {
        let reader = try FeedReader(contentsOf: url, context: context)
        while true {
            let start = clock.now
            guard let post = try reader.nextPost() else {
                elapsed += clock.now - start
                break
            }
            elapsed += clock.now - start
            items += 1
            paragraphs += post.paragraphs.count
            if mode == "--breakdown", let markup = post.markup, markup.kind == .html {
                let again = clock.now
                paragraphs += HTMLText.paragraphs(fromHTML: markup.content).count
                htmlText += clock.now - again
            }
        }
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(65)
    }
}

let total = seconds(elapsed)
var result: [String: Any] = [
    "mode": String(mode.dropFirst(2)),
    "file": url.lastPathComponent,
    "items": items,
    "paragraphs": paragraphs,
    "bytes": bytes,
    "seconds": total,
    "items_per_s": Double(items) / total,
    "mb_per_s": Double(bytes) / 1_000_000 / total,
    "peak_rss_kib": peakResidentKiB(),
]
if mode == "--breakdown" {
    let html = seconds(htmlText)
    result["html_text_seconds"] = html
    result["html_text_share"] = html / total
    result["items_per_s_without_html_text"] = Double(items) / max(total - html, 1e-9)
}
if let json = try? JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]) {
    print(String(decoding: json, as: UTF8.self))
}
