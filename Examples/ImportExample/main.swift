// A small program that uses Syndicate as a library: import every post of a feed or page and
// print its title, tags and first sentence.
//
//     swift run ImportExample Examples/Posts/school-news.rss
import Foundation
import Syndicate
import SyndicateImport

let path = CommandLine.arguments.dropFirst().first ?? "Examples/Posts/school-news.rss"
do {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let posts = try PostImport.posts(from: data, context: ImportContext(inputName: path))
    for post in posts {
        print("\(post.title) [\(post.tags.joined(separator: ", "))]")
        if let first = post.sentences.first { print("  \(first)") }
    }
} catch {
    FileHandle.standardError.write(Data("ImportExample: \(error)\n".utf8))
    exit(1)
}
