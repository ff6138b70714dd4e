import Foundation
import SyndicateCorpus

// Prints how the importers read the peer corpora (../shared/corpora/README.md says how each is
// measured):
//
//     swift run -c release CorpusReport ../shared/corpora [pages|feeds]
let arguments = Array(CommandLine.arguments.dropFirst())
let root = URL(fileURLWithPath: arguments.first ?? "../shared/corpora", isDirectory: true)
let only = arguments.dropFirst().first
guard FileManager.default.fileExists(atPath: root.appendingPathComponent("README.md").path) else {
    FileHandle.standardError.write(Data("CorpusReport: no corpora at \(root.path); pass the folder that holds readability/ and feedparser/.\n".utf8))
    exit(64)
}
if only == nil || only == "pages" { print(ReadabilityCorpus.report(corpora: root).text) }
if only == nil || only == "feeds" { print(FeedCorpus.report(corpora: root).text) }
